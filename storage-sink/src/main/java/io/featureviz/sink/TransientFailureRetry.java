package io.featureviz.sink;

/**
 * Backoff of the consumers' {@code @Retry}: a store or database outage is waited out, never
 * turned into a failed channel, because a record acknowledged only after it is durable may not
 * be skipped and a failed channel would only wait for a restart to deliver it again. The delay
 * doubles from {@link #DELAY_MS} up to {@link #MAX_DELAY_MS}, so a long outage costs a request
 * every few seconds, and the first retries after a blip come quickly.
 */
final class TransientFailureRetry {

  static final long DELAY_MS = 500;
  static final long JITTER_MS = 200;
  static final long MAX_DELAY_MS = 8_000;

  private TransientFailureRetry() {}
}
