package io.featureviz.worker.health;

import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.jobs.JobConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the job consumer's poll loop comes round. Renders run on their own threads, so a
 * job of any length leaves this UP; whether Kafka is reachable is the readiness check's concern
 * ({@code quarkus.kafka.health.enabled}). A worker that does not consume because it cannot
 * render on its device stays live: readiness reports that ({@link RenderDeviceHealth}).
 */
@Liveness
@ApplicationScoped
public class JobConsumerHealth implements HealthCheck {

  private final JobConsumer consumer;
  private final WorkerConfig config;

  JobConsumerHealth(JobConsumer consumer, WorkerConfig config) {
    this.consumer = consumer;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    boolean polling = !consumer.isConsuming() || consumer.isRunning()
        && consumer.sinceLastPoll().compareTo(config.jobs().stallTimeout()) < 0;
    return HealthCheckResponse.named("fv-jobs-consumer")
        .status(polling && !consumer.isStuck())
        .withData("polling", polling)
        .withData("consuming", consumer.isConsuming())
        .withData("cancellations-read", consumer.knowsEarlierCancellations())
        .withData("results-unpublished", consumer.isStuck())
        .withData("jobs-running", consumer.busy())
        .withData("concurrency", config.concurrency())
        .build();
  }
}
