package io.featureviz.contracts.messages;

/** A message that cannot be read: not JSON, an unknown version, or invalid content. */
public final class MessageFormatException extends RuntimeException {

  public MessageFormatException(String message) {
    super(message);
  }

  public MessageFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
