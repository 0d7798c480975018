package io.featureviz.api.jobs;

import io.featureviz.api.KafkaSend;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes to {@code fv.jobs} and {@code fv.events}, keyed by job id so one job's messages stay
 * in order; a cancel request also to {@code fv.cancellations}, which workers read from its start
 * (a worker started after the request still skips the job). Each send waits for the broker's
 * acknowledgement, so a 202 means it was published.
 */
@ApplicationScoped
public class JobPublisher {

  /** Events sent before their acknowledgements are awaited: within the emitter's 128. */
  private static final int EVENTS_PER_SEND = 100;

  private final MutinyEmitter<byte[]> jobs;
  private final MutinyEmitter<byte[]> events;
  private final MutinyEmitter<byte[]> cancellations;

  JobPublisher(@Channel("jobs") MutinyEmitter<byte[]> jobs,
      @Channel("events") MutinyEmitter<byte[]> events,
      @Channel("cancellations") MutinyEmitter<byte[]> cancellations) {
    this.jobs = jobs;
    this.events = events;
    this.cancellations = cancellations;
  }

  public void publish(JobRequest request) {
    KafkaSend.awaitAck(jobs, request.id(), Messages.write(request));
  }

  /**
   * Publishes the jobs, each followed by its QUEUED event, all sent before the first
   * acknowledgement is awaited (many jobs at once, e.g. a sweep's shards).
   */
  public void publishQueued(List<JobRequest> requests) {
    List<Uni<Void>> sends = new ArrayList<>();
    for (JobRequest request : requests) {
      sends.add(KafkaSend.send(jobs, request.id(), Messages.write(request)));
      JobEvent queued = JobEvent.status(request.id(), JobStatus.QUEUED, null, null, 0,
          request.steps());
      sends.add(KafkaSend.send(events, request.id(), Messages.write(queued)));
    }
    KafkaSend.awaitAcks(sends);
  }

  public void publish(JobEvent event) {
    publishAll(List.of(event));
  }

  /**
   * Publishes the events in order, a chunk at a time sent together before its acknowledgements
   * are awaited (a whole model's sweep cancels thousands of shards; one at a time took minutes).
   */
  public void publishAll(List<JobEvent> all) {
    for (int from = 0; from < all.size(); from += EVENTS_PER_SEND) {
      KafkaSend.awaitAcks(all.subList(from, Math.min(all.size(), from + EVENTS_PER_SEND)).stream()
          .flatMap(event -> sends(event).stream())
          .toList());
    }
  }

  private List<Uni<Void>> sends(JobEvent event) {
    byte[] value = Messages.write(event);
    Uni<Void> published = KafkaSend.send(events, event.jobId(), value);
    return event.type() == JobEvent.Type.CANCEL_REQUESTED
        ? List.of(KafkaSend.send(cancellations, event.jobId(), value), published)
        : List.of(published);
  }
}
