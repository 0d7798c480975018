package io.featureviz.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Follows a job to its end ({@link FollowThenPoll}) until its final frames are listed.
 */
public final class JobWaiter {

  private final JobsClient client;

  public JobWaiter(JobsClient client) {
    this.client = client;
  }

  public JobResult await(String id, JobEventListener listener) {
    JsonNode job = FollowThenPoll.await(events -> client.follow(id, events),
        () -> client.get(id), view -> view.path("progress"), JobWaiter::isTerminal,
        JobWaiter::hasFinalFrames, listener);
    listener.onEvent("status", job);
    return JobResult.of(job);
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
}
