package io.featureviz.optvis.model.tflite;

import java.io.IOException;

/** A file that cannot be imported: not TFLite, truncated or corrupt, or using an op we lack. */
public class TfliteFormatException extends IOException {

  public TfliteFormatException(String message) {
    super(message);
  }
}
