package io.featureviz.optvis.model.tfjs;

/** A TensorFlow.js layers model this importer cannot read: bad files or unsupported content. */
public class TfjsFormatException extends RuntimeException {

  public TfjsFormatException(String message) {
    super(message);
  }

  public TfjsFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
