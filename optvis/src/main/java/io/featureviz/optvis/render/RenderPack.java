package io.featureviz.optvis.render;

import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.transform.TransformList;
import java.util.List;
import java.util.Set;

/**
 * Several renders optimized as one graph: each member keeps its own objective, batch and seed,
 * and they share everything else, and the layers their objectives read ({@link Key}). A member's images do not depend on the others:
 * each draws its random values from its own seed, and the network always runs on
 * {@link #slots()} images, so the same member gives the same bytes alone or packed.
 */
public record RenderPack(List<RenderSpec> members) {

  /**
   * What the members of one pack must share: the settings, and the layers their objectives read
   * ({@code layers}, and the class outputs when {@code classes}). The layers are part of it
   * because they shape the gradient graph: TensorFlow sums a tensor's gradient contributions in
   * an order that depends on which layers the loss reads, so a member packed with members reading
   * deeper layers would differ in its last bits from the same member alone (measured:
   * inception_v3, a mixed2 channel packed with a mixed4 channel).
   */
  public record Key(int size, int steps, List<Integer> thresholds, double learningRate,
      ImageParameterization param, TransformList transforms, int redirectReluSteps,
      Set<String> layers, boolean classes) {

    public Key {
      thresholds = List.copyOf(thresholds);
      layers = Set.copyOf(layers);
    }
  }

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
        spec.param(), spec.transforms(), spec.redirectReluSteps(),
        spec.objective().referencedLayers(), spec.objective().referencesClasses());
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
