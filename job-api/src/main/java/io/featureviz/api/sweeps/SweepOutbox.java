package io.featureviz.api.sweeps;

import io.featureviz.api.jobs.JobPublisher;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Publishes the shards of sweeps to {@code fv.jobs}, each with its QUEUED event, and marks each
 * published once Kafka acknowledged it. Shards are recorded unpublished first (an outbox), so
 * those an API stopped before publishing are published at the next start; after a failed
 * publication, again a little later. A shard published twice is harmless: a worker renders the
 * same frames under the same keys, or skips a job already ended.
 */
@ApplicationScoped
class SweepOutbox {

  private static final Logger LOG = Logger.getLogger(SweepOutbox.class);

  private final SweepRepository repository;
  private final JobPublisher publisher;
  private final Duration retryDelay;

  SweepOutbox(SweepRepository repository, JobPublisher publisher, SweepsConfig config) {
    this.repository = repository;
    this.publisher = publisher;
    this.retryDelay = config.republishDelay();
  }

  /** At start, off the start-up thread: the broker may take a while to answer. */
  void onStart(@Observes StartupEvent start) {
    Infrastructure.getDefaultWorkerPool().execute(this::publishPending);
  }

  /** Publishes the shards of every sweep not cancelled that are not published yet. */
  void publishPending() {
    try {
      publish(repository.unpublished());
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("could not read the sweeps' unpublished shards: %s", e.getMessage());
      retryLater();
    }
  }

  /**
   * Publishes the shards in order, stopping at the first that Kafka does not acknowledge (the
   * rest are tried again later); whether all were published.
   */
  boolean publish(List<JobRequest> shards) {
    for (JobRequest shard : shards) {
      try {
        publisher.publish(shard);
        publisher.publish(JobEvent.status(shard.id(), JobStatus.QUEUED, null, null, 0,
            shard.steps()));
        repository.markPublished(shard.id());
      } catch (SQLException | RuntimeException e) {
        LOG.warnf("could not publish sweep shard %s, retrying in %s: %s", shard.id(),
            retryDelay, e.getMessage());
        retryLater();
        return false;
      }
    }
    return true;
  }

  private void retryLater() {
    Infrastructure.getDefaultWorkerPool().schedule(this::publishPending, retryDelay.toMillis(),
        TimeUnit.MILLISECONDS);
  }
}
