package io.featureviz.optvis.render;

import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.transform.TransformList;
import java.util.List;

/**
 * Several renders optimized as one graph: each member keeps its own objective, batch and seed,
 * and they share everything else ({@link Key}). A member's images do not depend on the others:
 * each draws its random values from its own seed, and the network always runs on
 * {@link #slots()} images, so the same member gives the same bytes alone or packed.
 */
public record RenderPack(List<RenderSpec> members) {

  /** What the members of one pack must share. */
  public record Key(int size, int steps, List<Integer> thresholds, double learningRate,
      ImageParameterization param, TransformList transforms, int redirectReluSteps) {}

  public RenderPack {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a pack needs at least one member");
    }
    Key key = key(members.get(0));
    for (RenderSpec member : members) {
      if (!packable(member)) {
        throw new IllegalArgumentException("an interpolation cannot be packed");
      }
      if (!key(member).equals(key)) {
        throw new IllegalArgumentException("pack members must share " + key + ", got "
            + key(member));
      }
    }
    int images = members.stream().mapToInt(RenderSpec::batch).sum();
    if (slotsFor(images) > RenderSpec.MAX_BATCH) {
      throw new IllegalArgumentException("a pack holds at most " + RenderSpec.MAX_BATCH
          + " images, got " + images);
    }
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

  /**
   * The batch the network runs on: {@link #images()} rounded up to a canonical size, the rest
   * grey padding. This, not {@link #images()}, is the batch whose memory a pack needs: ask
   * {@code RenderMemory} (contracts) about {@code slots()} images.
   */
  public int slots() {
    return slotsFor(images());
  }

  /**
   * TensorFlow's CPU kernels are not batch-size invariant: an image's gradient through the
   * network differs in its last bits between some batch sizes. The sizes below give every image
   * the same bits (measured on both built-in models, see the optvis README), so padding to them
   * makes a member's bytes independent of its pack.
   */
  static int slotsFor(int images) {
    return Math.max(2, images + images % 2);
  }
}
