package io.featureviz.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a job or a sweep: through its event stream, then {@code GET} until it has ended and
 * its last images are listed (the sink may store them just after the end), or a grace period
 * has passed. If the stream fails, polling alone carries on and reports progress.
 */
public final class FollowThenPoll {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
  /** How long an ended run's last images may take to be listed before we answer without them. */
  private static final Duration GRACE = Duration.ofSeconds(30);

  /** The event stream of one job or sweep. */
  @FunctionalInterface
  public interface EventStream {
    void follow(JobEventListener listener) throws IOException;
  }

  /**
   * @param view reads the job's or sweep's view
   * @param progress what of the view each poll reports as a {@code progress} event
   * @param ended whether the view is terminal
   * @param listed whether an ended view lists every image it will have
   * @return the last view read
   */
  public static JsonNode await(EventStream stream, Supplier<JsonNode> view,
      Function<JsonNode, JsonNode> progress, Predicate<JsonNode> ended,
      Predicate<JsonNode> listed, JobEventListener listener) {
    try {
      stream.follow(listener);
    } catch (IOException | UncheckedIOException | ApiProblemException e) {
      listener.onEvent("stream_failed", null);
    }
    long endedSince = 0;
    while (true) {
      JsonNode current = view.get();
      listener.onEvent("progress", progress.apply(current));
      if (ended.test(current)) {
        endedSince = endedSince == 0 ? System.nanoTime() : endedSince;
        if (listed.test(current) || System.nanoTime() - endedSince > GRACE.toNanos()) {
          return current;
        }
      }
      sleep();
    }
  }

  private FollowThenPoll() {}

  private static void sleep() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
