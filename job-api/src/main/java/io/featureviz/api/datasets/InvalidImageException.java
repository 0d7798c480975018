package io.featureviz.api.datasets;

/** A file that is no image a dataset may hold; the message says why, without the file's name. */
class InvalidImageException extends Exception {

  InvalidImageException(String reason) {
    super(reason);
  }
}
