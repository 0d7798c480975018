package io.featureviz.client.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits whose failure says what was awaited and where the processes' logs are. */
final class Await {

  private Await() {}

  static void until(String what, Duration timeout, Path logs, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what
            + "; see the logs in " + logs.toAbsolutePath());
      }
      sleep(Duration.ofMillis(100));
    }
  }

  /** Sleeps for {@code duration}; not at all when it is negative (the time has passed). */
  static void sleep(Duration duration) {
    try {
      Thread.sleep(Math.max(0, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
