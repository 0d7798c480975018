package io.featureviz.client.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.jobs.ApiProblemException;
import io.featureviz.client.jobs.JobEventListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;

/**
 * Follows a sweep to its end: through its event stream, then {@code GET} until it is terminal and,
 * when it succeeded, every channel's artifact is listed. If the stream fails, polling alone
 * carries on and reports progress.
 */
public final class SweepWaiter {

  private static final Set<String> TERMINAL = Set.of(SweepResult.SUCCEEDED, "failed", "cancelled");
  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
  /** How long a succeeded sweep's last artifacts may take to be listed before we answer without. */
  private static final Duration ARTIFACTS_GRACE = Duration.ofSeconds(30);

  private final SweepsClient client;

  public SweepWaiter(SweepsClient client) {
    this.client = client;
  }

  public SweepResult await(String id, JobEventListener listener) {
    try {
      client.follow(id, listener);
    } catch (IOException | UncheckedIOException | ApiProblemException e) {
      listener.onEvent("stream_failed", null);
    }
    long terminalSince = 0;
    while (true) {
      JsonNode sweep = client.get(id);
      listener.onEvent("progress", sweep);
      if (TERMINAL.contains(sweep.path("status").asText())) {
        terminalSince = terminalSince == 0 ? System.nanoTime() : terminalSince;
        SweepResult result = SweepResult.of(sweep);
        if (!result.succeeded() || result.artifacts().size() >= result.channelsTotal()
            || System.nanoTime() - terminalSince > ARTIFACTS_GRACE.toNanos()) {
          return result;
        }
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a sweep", e);
    }
  }
}
