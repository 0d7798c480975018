package io.featureviz.sink;

import io.featureviz.contracts.messages.MessageFormatException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The one retry policy of the sink's writes: a store or database outage is waited out, never
 * turned into a failed channel, because a record acknowledged only after it is durable may not
 * be skipped and a failed channel would only wait for a restart to deliver it again. The delay
 * doubles from {@link #DELAY_MS} up to {@link #MAX_DELAY_MS}, so a long outage costs a request
 * every few seconds, and the first retries after a blip come quickly.
 */
@ApplicationScoped
public class TransientFailureRetry {

  static final long DELAY_MS = 500;
  static final long JITTER_MS = 200;
  static final long MAX_DELAY_MS = 8_000;

  /** A write the policy repeats until it succeeds; it must be idempotent. */
  @FunctionalInterface
  public interface Write {
    void run() throws Exception;
  }

  /** Runs the write, again and again while it fails, except on a malformed message. */
  // maxRetries -1 and maxDuration 0: no limit
  @Retry(maxRetries = -1, maxDuration = 0, delay = DELAY_MS, jitter = JITTER_MS,
      abortOn = MessageFormatException.class)
  @ExponentialBackoff(maxDelay = MAX_DELAY_MS)
  public void run(Write write) throws Exception {
    write.run();
  }
}
