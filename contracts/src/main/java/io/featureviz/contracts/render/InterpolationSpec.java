package io.featureviz.contracts.render;

import io.featureviz.contracts.objective.Objective;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.objective.Scaled;
import io.featureviz.contracts.objective.Sum;
import java.util.ArrayList;
import java.util.List;

/**
 * An interpolation between two objectives (the article's "interaction" section): a batch of
 * {@code frames} images, frame i maximizing {@code (1-t)*from + t*to} with {@code t = i/(frames-1)},
 * rendered with a parameterization shared by the batch plus each frame's own detail and a small
 * alignment term between neighbours, so that the frames keep one layout and read as a strip.
 *
 * @param from the objective of the first frame (one objective, no {@code ;} list)
 * @param to the objective of the last frame
 * @param frames how many images, both ends included
 */
public record InterpolationSpec(String from, String to, int frames) {

  public static final int DEFAULT_FRAMES = 6;
  public static final NumberRange FRAMES = NumberRange.integers(2, 16);

  /** @throws IllegalArgumentException for a frame count outside {@link #FRAMES} or a bad objective */
  public InterpolationSpec {
    if (!FRAMES.contains(frames)) {
      throw new IllegalArgumentException("frames must be " + FRAMES.requirement() + ", got " + frames);
    }
    single("from", from);
    single("to", to);
  }

  /** One objective per frame: {@code (1-t)*from + t*to}. */
  public ObjectiveSpec objective() {
    Objective a = single("from", from);
    Objective b = single("to", to);
    List<Objective> perFrame = new ArrayList<>();
    int last = frames - 1;
    for (int i = 0; i < frames; i++) {
      // both weights as quotients, not t and 1 - t: 1 - 0.8 prints as 0.19999999999999996
      perFrame.add(i == 0 ? a : i == last ? b : new Sum(
          new Scaled((double) (last - i) / last, a), new Scaled((double) i / last, b)));
    }
    return new ObjectiveSpec(perFrame);
  }

  private static Objective single(String name, String grammar) {
    if (grammar == null || grammar.isBlank()) {
      throw new IllegalArgumentException(name + " objective is missing");
    }
    ObjectiveSpec spec = ObjectiveSpec.parse(grammar);
    if (spec.perBatch().size() != 1) {
      throw new IllegalArgumentException(name + " must be one objective, not a ';' list");
    }
    return spec.perBatch().get(0);
  }
}
