package io.featureviz.contracts.messages;

/**
 * A request to import an uploaded model, published by the job API on {@link Topics#MODEL_IMPORTS}
 * keyed by model id once the upload's files are in the bucket under {@code objectPrefix}
 * ({@link ModelKeys#prefix}). A worker loads the model and answers with a
 * {@link ModelCatalogEntry} on {@link Topics#MODELS}. Importing twice is harmless.
 *
 * @param v schema version
 * @param modelId the model
 * @param tenant the tenant that uploaded it
 * @param format the upload's format key ({@code tflite}, {@code graphdef}, {@code savedmodel},
 *     {@code tfjs}, {@code onnx})
 * @param objectPrefix where its files are in the bucket
 * @param at epoch milliseconds
 */
public record ModelImport(int v, String modelId, String tenant, String format,
    String objectPrefix, long at) {

  public static ModelImport of(String modelId, String tenant, String format) {
    return new ModelImport(Messages.VERSION, modelId, tenant, format, ModelKeys.prefix(modelId),
        System.currentTimeMillis());
  }
}
