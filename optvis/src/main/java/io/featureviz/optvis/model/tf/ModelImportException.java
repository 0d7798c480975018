package io.featureviz.optvis.model.tf;

/** A user's model or its metadata cannot be imported; the message says what to fix. */
public class ModelImportException extends RuntimeException {

  public ModelImportException(String message) {
    super(message);
  }

  public ModelImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
