package io.featureviz.worker.publish;

/**
 * A message could not be written to Kafka. Not a fault of the job: the job's offset stays
 * uncommitted, so the job is delivered again.
 */
public final class PublishException extends RuntimeException {

  PublishException(String what, Throwable cause) {
    super("cannot publish " + what + ": " + cause.getMessage(), cause);
  }
}
