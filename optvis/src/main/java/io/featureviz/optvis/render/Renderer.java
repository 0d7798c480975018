package io.featureviz.optvis.render;

import io.featureviz.optvis.image.ImageGrid;
import io.featureviz.optvis.image.PngEncoder;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a render: builds its graph, takes the steps, and hands PNG snapshots to a listener at
 * each threshold (lucid's {@code render_vis}).
 */
public final class Renderer {

  private static final int GRID_GAP = 2;

  private Renderer() {}

  public static RenderResult render(ImageModel model, RenderSpec spec, RenderListener listener) {
    long start = System.nanoTime();
    try (RenderGraph graph = new RenderGraph(model, spec)) {
      long built = System.nanoTime();
      return optimize(graph, listener, start, built);
    }
  }

  /** Runs the steps of an already built graph from its initial state. */
  public static RenderResult optimize(RenderGraph graph, RenderListener listener, long start,
      long built) {
    RenderSpec spec = graph.spec();
    Set<Integer> snapshotAt = new TreeSet<>(spec.snapshotSteps());
    List<Snapshot> snapshots = new ArrayList<>();
    int done = 0;
    for (int step = 0; step < spec.steps(); step++) {
      if (listener.isCancelled()) {
        return new RenderResult(snapshots, done, true, seconds(start), seconds(built));
      }
      float[] values = graph.step(step);
      done = step + 1;
      for (float value : values) {
        if (!Float.isFinite(value)) {
          throw new NonFiniteObjectiveException(done, values);
        }
      }
      listener.onStep(done, values);
      if (snapshotAt.contains(done)) {
        Snapshot snapshot = snapshot(graph.images(), gridColumns(spec), done, values,
            done == spec.steps());
        snapshots.add(snapshot);
        listener.onSnapshot(snapshot);
      }
    }
    return new RenderResult(snapshots, done, false, seconds(start), seconds(built));
  }

  /** A square grid, except an interpolation's: a strip, its frames side by side in order. */
  static int gridColumns(RenderSpec spec) {
    return spec.interpolation() != null ? spec.batch() : (int) Math.ceil(Math.sqrt(spec.batch()));
  }

  static Snapshot snapshot(List<RgbImage> images, int columns, int step, float[] values,
      boolean isFinal) {
    List<byte[]> pngs = images.stream().map(PngEncoder::encode).toList();
    byte[] grid = images.size() == 1 ? pngs.get(0)
        : PngEncoder.encode(ImageGrid.arrange(images, columns, GRID_GAP));
    return new Snapshot(step, values, pngs, grid, isFinal);
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
