package io.featureviz.api.models;

import io.featureviz.contracts.messages.ModelImport;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Asks the workers again, at start, to import every upload still IMPORTING: uploads made before
 * the catalog existed, and any whose request was lost (a publish that timed out, an instance
 * stopped between row and request). Importing twice is harmless, so instances starting together
 * need not take turns. A broker that is down costs the requests, never the start: the next
 * start sends them.
 */
@ApplicationScoped
public class PendingImports {

  private static final Logger LOG = Logger.getLogger(PendingImports.class);

  private final ModelRepository repository;
  private final ModelImportPublisher publisher;

  PendingImports(ModelRepository repository, ModelImportPublisher publisher) {
    this.repository = repository;
    this.publisher = publisher;
  }

  void onStart(@Observes StartupEvent start) {
    republish();
  }

  /** Publishes an import request per IMPORTING upload; how many were published. */
  public int republish() {
    List<ModelRow> pending;
    try {
      pending = repository.importing();
    } catch (Exception e) {
      LOG.errorf(e, "pending model imports not re-published: %s", e.getMessage());
      return 0;
    }
    int published = 0;
    for (ModelRow row : pending) {
      try {
        publisher.publish(ModelImport.of(row.id(), row.tenant(), row.format()));
        published++;
      } catch (RuntimeException e) {
        // the broker is down: the others would wait as long and fail alike
        LOG.errorf(e, "%d of %d pending model imports not re-published (from %s on): %s",
            pending.size() - published, pending.size(), row.id(), e.getMessage());
        return published;
      }
    }
    if (!pending.isEmpty()) {
      LOG.infof("re-published %d pending model imports", published);
    }
    return published;
  }
}
