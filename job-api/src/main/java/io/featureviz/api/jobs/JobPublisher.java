package io.featureviz.api.jobs;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.Messages;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes to {@code fv.jobs} and {@code fv.events}, keyed by job id so one job's messages stay
 * in order. Each send waits for the broker's acknowledgement, so a 202 means it was published.
 */
@ApplicationScoped
public class JobPublisher {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final MutinyEmitter<byte[]> jobs;
  private final MutinyEmitter<byte[]> events;

  JobPublisher(@Channel("jobs") MutinyEmitter<byte[]> jobs,
      @Channel("events") MutinyEmitter<byte[]> events) {
    this.jobs = jobs;
    this.events = events;
  }

  public void publish(JobRequest request) {
    send(jobs, request.id(), Messages.write(request));
  }

  public void publish(JobEvent event) {
    send(events, event.jobId(), Messages.write(event));
  }

  private static void send(MutinyEmitter<byte[]> emitter, String key, byte[] value) {
    Message<byte[]> message = Message.of(value)
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    emitter.sendMessage(message).await().atMost(SEND_TIMEOUT);
  }
}
