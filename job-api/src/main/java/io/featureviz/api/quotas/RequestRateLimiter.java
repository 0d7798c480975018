package io.featureviz.api.quotas;

import io.featureviz.api.problems.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Each tenant's request rate, one token bucket per tenant in this instance's memory: with N
 * instances behind a balancer a tenant gets up to N times the rate.
 */
@ApplicationScoped
public class RequestRateLimiter {

  private final TenantQuotas quotas;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  RequestRateLimiter(TenantQuotas quotas) {
    this.quotas = quotas;
  }

  /** Counts one request of the tenant, or refuses it with 429 and when to retry. */
  public void admit(String tenant) {
    long now = System.nanoTime();
    long waitNanos = buckets.computeIfAbsent(tenant, t -> new TokenBucket(quotas.burst(t),
        quotas.requestsPerSecond(t), now)).take(now);
    if (waitNanos > 0) {
      long seconds = TimeUnit.NANOSECONDS.toSeconds(waitNanos - 1) + 1; // rounded up
      throw ProblemException.tooManyRequests("more than " + quotas.requestsPerSecond(tenant)
          + " requests per second (burst " + quotas.burst(tenant) + ")", seconds);
    }
  }
}
