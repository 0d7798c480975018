package io.featureviz.sink;

import io.agroal.api.AgroalDataSource;
import io.featureviz.contracts.messages.MessageFormatException;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelCatalogEntry;
import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.contracts.messages.ModelStatus;
import io.featureviz.metadata.ModelsTable;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code fv.models}: the model catalog as workers found it (built-in models at their
 * start, uploads once imported) goes to PostgreSQL, where the job API validates jobs against it.
 * A failed import's files are removed from the bucket, so that nothing of it is left but the
 * row with its reason.
 */
@ApplicationScoped
public class ModelCatalogConsumer {

  private static final Logger LOG = Logger.getLogger(ModelCatalogConsumer.class);

  /** SQLSTATE classes of data the database refuses whatever its state (22: data, 23: integrity). */
  private static final String DATA_EXCEPTION = "22";
  private static final String INTEGRITY_VIOLATION = "23";

  private final AgroalDataSource dataSource;
  private final ObjectStore store;
  private final TransientFailureRetry retry;

  ModelCatalogConsumer(AgroalDataSource dataSource, ObjectStore store,
      TransientFailureRetry retry) {
    this.dataSource = dataSource;
    this.store = store;
    this.retry = retry;
  }

  @Incoming("models")
  @Blocking
  @Acknowledgment(Acknowledgment.Strategy.POST_PROCESSING)
  public void consume(byte[] value) throws Exception {
    try {
      ModelCatalogEntry entry = checked(Messages.read(value, ModelCatalogEntry.class));
      retry.run(() -> record(entry));
    } catch (MessageFormatException e) {
      // Redelivery cannot fix it, and a stalled fv.models would hold every later entry back.
      LOG.warnf("skipping unreadable model catalog entry: %s", e.getMessage());
    }
  }

  /**
   * Writes the entry and, for a failed import, removes its files. An upload's first outcome is
   * final, so a retry or a redelivery after a crash between the two finds the row FAILED
   * already: the removal is done again for any FAILED row, and completes.
   */
  private void record(ModelCatalogEntry entry) throws Exception {
    boolean changed;
    boolean failed;
    // One statement in auto-commit: atomic without a transaction around the retries.
    try (Connection connection = dataSource.getConnection()) {
      changed = ModelsTable.record(connection, entry);
      failed = entry.status() == ModelStatus.FAILED && (changed || ModelsTable
          .status(connection, entry.modelId()).orElse(null) == ModelStatus.FAILED);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.startsWith(DATA_EXCEPTION) || state.startsWith(INTEGRITY_VIOLATION)) {
        throw new MessageFormatException("model " + entry.modelId() + " refused by the catalog: "
            + e.getMessage(), e);
      }
      throw e;
    }
    if (failed) {
      int removed = store.deletePrefix(ModelKeys.prefix(entry.modelId()));
      LOG.infof("model %s FAILED (%s); removed its %d files", entry.modelId(), entry.reason(),
          removed);
    } else if (changed) {
      LOG.infof("model %s READY, described by %s", entry.modelId(), entry.worker());
    } else {
      // A late FAILED after READY (a redelivered import request), a deleted upload, or a
      // built-in id an upload has taken: the row stays as it is, and so do the files.
      LOG.infof("model %s: %s entry from %s changes nothing", entry.modelId(), entry.status(),
          entry.worker());
    }
  }

  /** What ModelsTable needs of an entry; the rest is the database's to check. */
  private static ModelCatalogEntry checked(ModelCatalogEntry entry) {
    if (entry.modelId() == null || entry.status() == null) {
      throw new MessageFormatException("model_id and status are required");
    }
    if (entry.status() == ModelStatus.IMPORTING) {
      throw new MessageFormatException("model " + entry.modelId()
          + ": an entry is READY or FAILED, never IMPORTING");
    }
    if (entry.status() == ModelStatus.READY && entry.description() == null) {
      throw new MessageFormatException("model " + entry.modelId() + ": READY without description");
    }
    if (entry.tenant() == null && entry.status() != ModelStatus.READY) {
      throw new MessageFormatException("built-in model " + entry.modelId()
          + ": only READY entries are published for built-in models");
    }
    if (entry.tenant() != null && !ModelKeys.isUploadedId(entry.modelId())) {
      throw new MessageFormatException("invalid uploaded model id " + entry.modelId());
    }
    return entry;
  }
}
