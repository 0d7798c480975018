package io.featureviz.contracts.messages;

import java.util.List;

/**
 * The formats a model may be uploaded in, as {@code POST /v1/models} names them in its
 * {@code format} field and {@link ModelImport#format} carries them to the worker.
 */
public final class ModelFormats {

  /** Every upload format key. */
  public static final List<String> KEYS = List.of("tflite", "graphdef", "savedmodel", "tfjs", "onnx");

  private ModelFormats() {}
}
