package io.featureviz.client.models;

import java.nio.file.Path;

/**
 * What {@code POST /v1/models} takes: the model file, its format key, and optionally an id, the
 * featureviz-model.json text and the labels text (nulls are left out of the form).
 */
public record ModelUpload(Path file, String format, String id, String metadata, String labels) {

  public static ModelUpload of(Path file, String format) {
    return new ModelUpload(file, format, null, null, null);
  }

  public ModelUpload withId(String modelId) {
    return new ModelUpload(file, format, modelId, metadata, labels);
  }

  public ModelUpload withMetadata(String text) {
    return new ModelUpload(file, format, id, text, labels);
  }

  public ModelUpload withLabels(String text) {
    return new ModelUpload(file, format, id, metadata, text);
  }
}
