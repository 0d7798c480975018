package io.featureviz.optvis.render;

import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.transform.TransformList;
import java.util.List;

/**
 * Several renders optimized as one graph: each member keeps its own objective, batch and seed,
 * and they share everything else ({@link Key}). A member's images do not depend on the others:
 * each draws its random values from its own seed, and the network always runs on
 * {@link #slots()} images, so the same member gives the same bytes alone or packed.
 *
 * <p>STUB (issue #11, helper "engine packs" implements it).
 */
public record RenderPack(List<RenderSpec> members) {

  /** What the members of one pack must share. */
  public record Key(int size, int steps, List<Integer> thresholds, double learningRate,
      ImageParameterization param, TransformList transforms, int redirectReluSteps) {}

  public RenderPack {
    members = List.copyOf(members);
  }

  /** Whether a spec can be packed with others (an interpolation cannot). */
  public static boolean packable(RenderSpec spec) {
    return spec.interpolation() == null;
  }

  /** The settings a spec shares with the members of its pack. */
  public static Key key(RenderSpec spec) {
    return new Key(spec.size(), spec.steps(), spec.thresholds(), spec.learningRate(),
        spec.param(), spec.transforms(), spec.redirectReluSteps());
  }

  /** Images of all members together. */
  public int images() {
    return members.stream().mapToInt(RenderSpec::batch).sum();
  }

  /** The batch the network runs on: {@link #images()} rounded up to a canonical size. */
  public int slots() {
    throw new UnsupportedOperationException("stub");
  }
}
