package io.featureviz.client.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waits for a started process to become usable, or says why it did not and where to look. */
final class Readiness {

  private static final Duration POLL = Duration.ofMillis(250);
  private static final int LOG_LINES_SHOWN = 8;

  private Readiness() {}

  static void await(String component, ProcessHandle process, Path log, Duration timeout,
      BooleanSupplier ready) {
    await(component + " exited during start", component + " was not ready within "
        + timeout.toSeconds() + " s", process, log, timeout, ready);
  }

  /**
   * Waits for {@code ready}, which a running process brings about; fails with
   * {@code exitedMessage} if the process ends first, with {@code lateMessage} after the timeout,
   * each followed by the log's name and last lines.
   */
  static void await(String exitedMessage, String lateMessage, ProcessHandle process, Path log,
      Duration timeout, BooleanSupplier ready) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new StackStartException(exitedMessage + "; see " + log + tail(log));
      }
      if (System.nanoTime() > deadline) {
        throw new StackStartException(lateMessage + "; see " + log + tail(log));
      }
      sleep(POLL);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return "\n  " + String.join("\n  ",
          lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackStartException("interrupted while waiting", e);
    }
  }
}
