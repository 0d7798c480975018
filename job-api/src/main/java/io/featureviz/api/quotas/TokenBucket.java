package io.featureviz.api.quotas;

/** A token bucket: {@code capacity} requests at once, refilled at {@code perSecond}. */
final class TokenBucket {

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long refilledAt;

  TokenBucket(double capacity, double perSecond, long now) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.tokens = capacity;
    this.refilledAt = now;
  }

  /** Takes a token; answers 0 when there was one, else the nanoseconds until there is one. */
  synchronized long take(long now) {
    tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / perNano);
  }
}
