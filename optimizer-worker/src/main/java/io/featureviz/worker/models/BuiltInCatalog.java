package io.featureviz.worker.models;

import io.featureviz.contracts.messages.BuiltInModels;
import io.featureviz.contracts.messages.ModelCatalogEntry;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.worker.engine.WorkerIdentity;
import io.featureviz.worker.publish.CatalogPublisher;
import io.featureviz.worker.publish.PublishException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Publishes the built-in models' catalog entries on {@code fv.models} at start-up, as this
 * worker loads them: the job API validates jobs on them against these descriptions. Every worker
 * does it at each start (same key, the newest entry kept), so the catalog follows the engine's
 * version. The files are the worker's own, so they load in this process, and stay loaded for the
 * renders. Loading inception_v3 takes seconds, so it runs on a thread of its own; readiness stays
 * DOWN until every entry is stored ({@code ModelCatalogHealth}). A built-in whose files do not
 * load (mobilenet_v2 without {@code fv.models.dir}) is left out, with a warning.
 */
@ApplicationScoped
public class BuiltInCatalog {

  private static final Logger LOG = Logger.getLogger(BuiltInCatalog.class);
  private static final Duration PUBLISH_RETRY = Duration.ofSeconds(5);

  private final ModelStore models;
  private final CatalogPublisher catalog;
  private final String worker;
  private final List<String> published = new CopyOnWriteArrayList<>();
  private volatile boolean done;
  private Thread thread;

  BuiltInCatalog(ModelStore models, CatalogPublisher catalog, WorkerIdentity identity) {
    this.models = models;
    this.catalog = catalog;
    this.worker = identity.id();
  }

  void start(@Observes StartupEvent event) {
    thread = new Thread(this::publishAll, "fv-built-in-catalog");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Whether every built-in that loads has its entry stored in Kafka. */
  public boolean isDone() {
    return done;
  }

  /** The built-ins whose entries are stored. */
  public List<String> published() {
    return List.copyOf(published);
  }

  private void publishAll() {
    try {
      for (String id : BuiltInModels.IDS) {
        ModelDescription description;
        try {
          description = models.load(id).info().description();
        } catch (RuntimeException e) {
          LOG.warnf("built-in model %s is not in the catalog: it does not load: %s", id,
              e.getMessage());
          continue;
        }
        publish(ModelCatalogEntry.builtIn(description, worker));
        published.add(id);
      }
      done = true;
      LOG.infof("built-in models in the catalog: %s", published);
    } catch (InterruptedException e) {
      LOG.info("stopped before the built-in models' catalog entries were all published");
    }
  }

  /** Until Kafka takes it: readiness waits for it anyway. */
  private void publish(ModelCatalogEntry entry) throws InterruptedException {
    while (true) {
      try {
        catalog.publish(entry);
        return;
      } catch (PublishException e) {
        LOG.warnf("%s; trying again in %s", e.getMessage(), PUBLISH_RETRY);
        Thread.sleep(PUBLISH_RETRY.toMillis());
      }
    }
  }
}
