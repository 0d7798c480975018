package io.featureviz.api.models;

import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.contracts.messages.ModelStatus;
import java.time.Instant;

/**
 * A row of the {@code models} table: a built-in model (no tenant, always READY) or a tenant's
 * upload and where its files are stored.
 *
 * @param tenant the uploading tenant; null for a built-in model, which is everyone's
 * @param format an upload's format key, or a built-in model's engine format
 * @param failure why the import failed; null unless FAILED
 * @param description what a worker found when it loaded the model; null unless READY
 * @param objectPrefix where an upload's files are in the bucket; null for a built-in model
 * @param sha256 the uploaded file's SHA-256; null for a built-in model
 * @param bytes the uploaded file's size; null for a built-in model
 * @param createdAt null until the row is written (the database sets it)
 */
public record ModelRow(String id, String tenant, String format, ModelStatus status,
    String failure, ModelDescription description, String objectPrefix, String sha256,
    Long bytes, Instant createdAt) {

  /** A tenant's upload whose files are about to be stored, for a worker to import. */
  static ModelRow importing(String id, String tenant, String format, String sha256,
      long bytes) {
    return new ModelRow(id, tenant, format, ModelStatus.IMPORTING, null, null,
        ModelKeys.prefix(id), sha256, bytes, null);
  }

  public boolean isBuiltIn() {
    return tenant == null;
  }
}
