package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.worker.engine.WorkerIdentity;
import io.featureviz.worker.publish.DeadLetterPublisher;
import io.featureviz.worker.publish.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** What happens to one record of {@code fv.jobs}: rendered, or dead-lettered when unreadable. */
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

  /** Returns once the record reached its end: a terminal status, or the dead-letter topic. */
  void handle(ConsumerRecord<String, byte[]> record) {
    DecodedJob job;
    try {
      job = JobDecoder.decode(record.value());
    } catch (PoisonJobException e) {
      LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(),
          record.offset(), e.getMessage());
      deadLetters.send(record, e.getMessage());
      // A job with an id is known to the job-api; without a terminal status it would wait forever.
      e.jobId().ifPresent(id -> events.status(
          JobEvent.status(id, JobStatus.FAILED, e.getMessage(), worker, 0, 0)));
      return;
    }
    runner.run(job);
  }
}
