package io.featureviz.contracts.messages;

/**
 * A model's catalog entry as a worker found it, published on {@link Topics#MODELS} keyed by
 * model id; the storage sink writes it to PostgreSQL, where the job API reads it.
 *
 * @param v schema version
 * @param modelId the model
 * @param tenant the tenant that uploaded it; null for a built-in model, which is everyone's
 * @param status {@link ModelStatus#READY} or {@link ModelStatus#FAILED}
 * @param description the model as loaded; null unless READY
 * @param reason why the import failed; null unless FAILED
 * @param worker the worker that loaded it
 * @param at epoch milliseconds
 */
public record ModelCatalogEntry(int v, String modelId, String tenant, ModelStatus status,
    ModelDescription description, String reason, String worker, long at) {

  /** A built-in model, loaded from the worker's own files. */
  public static ModelCatalogEntry builtIn(ModelDescription description, String worker) {
    return new ModelCatalogEntry(Messages.VERSION, description.id(), null, ModelStatus.READY,
        description, null, worker, System.currentTimeMillis());
  }

  /** An uploaded model that loaded. */
  public static ModelCatalogEntry imported(ModelImport request, ModelDescription description,
      String worker) {
    return new ModelCatalogEntry(Messages.VERSION, request.modelId(), request.tenant(),
        ModelStatus.READY, description, null, worker, System.currentTimeMillis());
  }

  /** An uploaded model that did not load. */
  public static ModelCatalogEntry failed(ModelImport request, String reason, String worker) {
    return new ModelCatalogEntry(Messages.VERSION, request.modelId(), request.tenant(),
        ModelStatus.FAILED, null, reason, worker, System.currentTimeMillis());
  }
}
