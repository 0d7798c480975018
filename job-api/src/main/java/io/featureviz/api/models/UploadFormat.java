package io.featureviz.api.models;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an upload's {@code file} holds. */
enum UploadFormat {
  /** A .tflite file. */
  TFLITE(false, null),
  /** A frozen GraphDef .pb file. */
  GRAPHDEF(true, null),
  /** A zip of a SavedModel folder. */
  SAVEDMODEL(true, "saved_model.pb"),
  /** A zip of a TF.js layers model: model.json and its weight files. */
  TFJS(false, "model.json");

  /** Whether the upload needs a featureviz-model.json naming the input and layer tensors. */
  final boolean needsMetadata;
  /** The file at the top of the model's folder, for formats uploaded as a zip; else null. */
  final String archiveTopFile;

  UploadFormat(boolean needsMetadata, String archiveTopFile) {
    this.needsMetadata = needsMetadata;
    this.archiveTopFile = archiveTopFile;
  }

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  boolean isArchive() {
    return archiveTopFile != null;
  }

  static Optional<UploadFormat> of(String key) {
    return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
  }

  static String keys() {
    return String.join(", ", Arrays.stream(values()).map(UploadFormat::key).toList());
  }
}
