package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.worker.engine.WorkerIdentity;
import io.featureviz.worker.publish.DeadLetterPublisher;
import io.featureviz.worker.publish.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** What happens to the records of {@code fv.jobs}: rendered, or dead-lettered when unreadable. */
@ApplicationScoped
public class JobIntake {

  private static final Logger LOG = Logger.getLogger(JobIntake.class);

  private final JobRunner runner;
  private final DeadLetterPublisher deadLetters;
  private final EventPublisher events;
  private final String worker;

  JobIntake(JobRunner runner, DeadLetterPublisher deadLetters, EventPublisher events,
      WorkerIdentity identity) {
    this.runner = runner;
    this.deadLetters = deadLetters;
    this.events = events;
    this.worker = identity.id();
  }

  /**
   * Handles one unit of a poll ({@link PackPlanner}): a pack of render jobs, or one record.
   * Returns once every record reached its end (a terminal status, or the dead-letter topic) or
   * was abandoned by the worker's shutdown.
   *
   * @return for each record, in order, why it did not reach its end
   */
  List<Optional<JobAbandonedException>> handle(List<PolledJob> unit) {
    PolledJob first = unit.get(0);
    if (first.job() != null && first.job().rendersInPack()) {
      return runner.runPack(unit.stream().map(PolledJob::job).toList());
    }
    if (unit.size() > 1) {
      throw new IllegalArgumentException("only render jobs are packed: " + unit);
    }
    try {
      handleAlone(first);
      return List.of(Optional.empty());
    } catch (JobAbandonedException e) {
      return List.of(Optional.of(e));
    }
  }

  private void handleAlone(PolledJob polled) {
    PoisonJobException poison = polled.poison();
    if (poison == null) {
      runner.run(polled.job());
      return;
    }
    ConsumerRecord<String, byte[]> record = polled.record();
    LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(),
        record.offset(), poison.getMessage());
    deadLetters.send(record, poison.getMessage());
    // A job with an id is known to the job-api; without a terminal status it would wait forever.
    poison.jobId().ifPresent(id -> events.status(
        JobEvent.status(id, JobStatus.FAILED, poison.getMessage(), worker, 0, 0)));
  }
}
