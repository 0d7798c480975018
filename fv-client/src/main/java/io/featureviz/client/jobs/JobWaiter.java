package io.featureviz.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Follows a job to its end: through its event stream, then {@code GET} until its final frames
 * are listed. If the stream fails, polling alone carries on and reports progress.
 */
public final class JobWaiter {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
  /** How long a succeeded job's final frames may take to be stored before we answer without them. */
  private static final Duration FINAL_FRAMES_GRACE = Duration.ofSeconds(30);

  private final JobsClient client;

  public JobWaiter(JobsClient client) {
    this.client = client;
  }

  public JobResult await(String id, JobEventListener listener) {
    try {
      client.follow(id, listener);
    } catch (IOException | UncheckedIOException | ApiProblemException e) {
      listener.onEvent("stream_failed", null);
    }
    long terminalSince = 0;
    while (true) {
      JsonNode job = client.get(id);
      listener.onEvent("progress", job.path("progress"));
      if (isTerminal(job)) {
        terminalSince = terminalSince == 0 ? System.nanoTime() : terminalSince;
        if (hasFinalFrames(job)
            || System.nanoTime() - terminalSince > FINAL_FRAMES_GRACE.toNanos()) {
          listener.onEvent("status", job);
          return JobResult.of(job);
        }
      }
      sleep();
    }
  }

  private static boolean isTerminal(JsonNode job) {
    return switch (job.path("status").asText()) {
      case "SUCCEEDED", "FAILED", "CANCELLED" -> true;
      default -> false;
    };
  }

  /** Only a succeeded job has final frames: one per batch element. */
  private static boolean hasFinalFrames(JsonNode job) {
    if (!"SUCCEEDED".equals(job.path("status").asText())) {
      return true;
    }
    int finals = 0;
    for (JsonNode artifact : job.path("artifacts")) {
      finals += artifact.path("final").asBoolean() ? 1 : 0;
    }
    return finals >= job.path("request").path("batch").asInt(1);
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a job", e);
    }
  }
}
