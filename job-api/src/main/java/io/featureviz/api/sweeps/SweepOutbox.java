package io.featureviz.api.sweeps;

import io.featureviz.api.jobs.JobPublisher;
import io.featureviz.contracts.messages.JobRequest;
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
 *
 * <p>A new sweep's shards are published after its submission is answered: a whole model's
 * thousands take seconds. Each chunk is read again just before it is sent, under its sweep's
 * publishing lock ({@link SweepRepository#publish}), so the shards of a sweep cancelled
 * meanwhile are left out, and the cancellation knows exactly which shards were sent and need a
 * stop request.
 */
@ApplicationScoped
class SweepOutbox {

  private static final Logger LOG = Logger.getLogger(SweepOutbox.class);
  /**
   * Shards sent before their acknowledgements are awaited: two messages each (the request and
   * its QUEUED event), within the emitters' buffer of 128 unacknowledged messages.
   */
  private static final int SHARDS_PER_SEND = 50;

  private final SweepRepository repository;
  private final JobPublisher publisher;
  private final Duration retryDelay;

  SweepOutbox(SweepRepository repository, JobPublisher publisher, SweepsConfig config) {
    this.repository = repository;
    this.publisher = publisher;
    this.retryDelay = config.republishDelay();
  }

  /** The shards of a sweep just recorded, on another thread. */
  void publishSoon(List<JobRequest> shards) {
    Infrastructure.getDefaultWorkerPool().execute(() -> publish(shards));
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
   * Publishes those of the shards still unpublished and wanted, in order, a chunk at a time
   * (sent together, then their acknowledgements awaited, the sweep's publishing lock held
   * meanwhile), stopping at the first chunk that Kafka does not acknowledge: the rest are tried
   * again later. Whether all were published.
   */
  boolean publish(List<JobRequest> shards) {
    for (int from = 0; from < shards.size(); from += SHARDS_PER_SEND) {
      List<String> chunk = shards.subList(from, Math.min(shards.size(), from + SHARDS_PER_SEND))
          .stream().map(JobRequest::id).toList();
      try {
        repository.publish(chunk, publisher::publishQueued);
      } catch (SQLException | RuntimeException e) {
        LOG.warnf("could not publish %d sweep shards, retrying in %s: %s",
            shards.size() - from, retryDelay, e.getMessage());
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
