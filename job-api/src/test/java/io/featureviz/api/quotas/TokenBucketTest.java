package io.featureviz.api.quotas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bucket is told the time at each call, so the tests set the clock (in nanoseconds). */
class TokenBucketTest {

  private static final long START = 1_000_000_000L;
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void aFullBucketGrantsItsCapacityAtOnceThenSaysHowLongToWait() {
    TokenBucket bucket = new TokenBucket(3, 4, START);
    assertEquals(0, bucket.take(START));
    assertEquals(0, bucket.take(START));
    assertEquals(0, bucket.take(START));
    // 4 per second: the next token is 250 ms away.
    assertEquals(250 * MS, bucket.take(START));
  }

  @Test
  void tokensRefillOverTimeAtTheRate() {
    TokenBucket bucket = new TokenBucket(1, 4, START);
    assertEquals(0, bucket.take(START));
    assertEquals(150 * MS, bucket.take(START + 100 * MS));
    assertEquals(0, bucket.take(START + 250 * MS));
    assertEquals(250 * MS, bucket.take(START + 250 * MS));
  }

  @Test
  void aRefusedRequestTakesNothing() {
    TokenBucket bucket = new TokenBucket(1, 2, START);
    bucket.take(START);
    for (int i = 0; i < 5; i++) {
      assertEquals(500 * MS, bucket.take(START));
    }
    assertEquals(0, bucket.take(START + 500 * MS));
  }

  @Test
  void anIdleBucketRefillsOnlyToItsCapacity() {
    TokenBucket bucket = new TokenBucket(2, 10, START);
    bucket.take(START);
    bucket.take(START);
    long anHourLater = START + TimeUnit.HOURS.toNanos(1);
    assertEquals(0, bucket.take(anHourLater));
    assertEquals(0, bucket.take(anHourLater));
    assertEquals(100 * MS, bucket.take(anHourLater));
  }

  @Test
  void aSlowRateWaitsWholeSeconds() {
    TokenBucket bucket = new TokenBucket(1, 0.5, START);
    bucket.take(START);
    assertEquals(TimeUnit.SECONDS.toNanos(2), bucket.take(START));
  }
}
