package io.featureviz.api.models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an upload's {@code file} holds. */
enum UploadFormat {
  /** A .tflite file. */
  TFLITE(Metadata.REFUSED, Packing.FILE, null),
  /** A frozen GraphDef .pb file. */
  GRAPHDEF(Metadata.REQUIRED, Packing.FILE, null),
  /** A zip of a SavedModel folder. */
  SAVEDMODEL(Metadata.REQUIRED, Packing.ZIP, "saved_model.pb"),
  /** A zip of a TF.js layers model: model.json and its weight files. */
  TFJS(Metadata.REFUSED, Packing.ZIP, "model.json"),
  /**
   * An .onnx file, or a zip of one with its external data files (and optionally its
   * featureviz-model.json and labels.txt).
   */
  ONNX(Metadata.OPTIONAL, Packing.FILE_OR_ZIP, "*.onnx");

  /** Whether the upload takes a featureviz-model.json. */
  enum Metadata {
    /** Names the input and layer tensors: the model cannot be loaded without it. */
    REQUIRED,
    /** Input size, normalization: the model loads without it. */
    OPTIONAL,
    REFUSED
  }

  /** How the model's files arrive. */
  enum Packing {
    FILE,
    ZIP,
    /** Either; the file's content tells which. */
    FILE_OR_ZIP
  }

  final Metadata metadata;
  final Packing packing;
  /**
   * A glob matching the one file at the top of the model's folder, for formats that may be
   * uploaded as a zip; else null.
   */
  final String archiveTopFile;

  UploadFormat(Metadata metadata, Packing packing, String archiveTopFile) {
    this.metadata = metadata;
    this.packing = packing;
    this.archiveTopFile = archiveTopFile;
  }

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<UploadFormat> of(String key) {
    return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
  }

  static String keys() {
    return String.join(", ", Arrays.stream(values()).map(UploadFormat::key).toList());
  }

  /** The keys of the formats that take metadata, for messages. */
  static List<String> keysTakingMetadata() {
    return Arrays.stream(values()).filter(f -> f.metadata != Metadata.REFUSED)
        .map(UploadFormat::key).toList();
  }
}
