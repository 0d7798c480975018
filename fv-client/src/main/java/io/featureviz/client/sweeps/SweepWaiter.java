package io.featureviz.client.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.jobs.FollowThenPoll;
import io.featureviz.client.jobs.JobEventListener;
import java.util.Set;

/**
 * Follows a sweep to its end ({@link FollowThenPoll}) until, when it succeeded, every channel's
 * artifact is listed.
 */
public final class SweepWaiter {

  private static final Set<String> TERMINAL = Set.of(SweepResult.SUCCEEDED, "failed", "cancelled");

  private final SweepsClient client;

  public SweepWaiter(SweepsClient client) {
    this.client = client;
  }

  public SweepResult await(String id, JobEventListener listener) {
    return SweepResult.of(FollowThenPoll.await(events -> client.follow(id, events),
        () -> client.get(id), sweep -> sweep,
        sweep -> TERMINAL.contains(sweep.path("status").asText()),
        SweepWaiter::everyArtifactListed, listener));
  }

  /** Only a succeeded sweep has an image for every channel. */
  private static boolean everyArtifactListed(JsonNode sweep) {
    SweepResult result = SweepResult.of(sweep);
    return !result.succeeded() || result.artifacts().size() >= result.channelsTotal();
  }
}
