package io.featureviz.optvis.render;

import java.util.List;

/**
 * The outcome of a render.
 *
 * @param snapshots one per threshold reached, in step order; the last is the final image
 * @param stepsDone steps actually taken (fewer than asked when cancelled)
 * @param cancelled whether the listener stopped the render
 * @param seconds wall time including graph construction
 * @param optimizeSeconds wall time of the optimization steps alone
 */
public record RenderResult(List<Snapshot> snapshots, int stepsDone, boolean cancelled,
    double seconds, double optimizeSeconds) {

  public RenderResult {
    snapshots = List.copyOf(snapshots);
  }

  public double stepsPerSecond() {
    return optimizeSeconds > 0 ? stepsDone / optimizeSeconds : 0;
  }
}
