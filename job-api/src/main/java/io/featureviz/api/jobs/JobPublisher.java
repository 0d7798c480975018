package io.featureviz.api.jobs;

import io.featureviz.api.KafkaSend;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.Messages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes to {@code fv.jobs} and {@code fv.events}, keyed by job id so one job's messages stay
 * in order. Each send waits for the broker's acknowledgement, so a 202 means it was published.
 */
@ApplicationScoped
public class JobPublisher {

  private final MutinyEmitter<byte[]> jobs;
  private final MutinyEmitter<byte[]> events;

  JobPublisher(@Channel("jobs") MutinyEmitter<byte[]> jobs,
      @Channel("events") MutinyEmitter<byte[]> events) {
    this.jobs = jobs;
    this.events = events;
  }

  public void publish(JobRequest request) {
    KafkaSend.awaitAck(jobs, request.id(), Messages.write(request));
  }

  public void publish(JobEvent event) {
    KafkaSend.awaitAck(events, event.jobId(), Messages.write(event));
  }
}
