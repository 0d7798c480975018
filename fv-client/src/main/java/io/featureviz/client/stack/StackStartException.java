package io.featureviz.client.stack;

/** The stack could not be started; the message says which component and where its log is. */
public class StackStartException extends RuntimeException {

  public StackStartException(String message) {
    super(message);
  }

  public StackStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
