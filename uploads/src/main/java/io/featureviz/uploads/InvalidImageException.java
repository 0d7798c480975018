package io.featureviz.uploads;

/** A file that is no image a dataset may hold; the message says why, without the file's name. */
public class InvalidImageException extends Exception {

  public InvalidImageException(String reason) {
    super(reason);
  }
}
