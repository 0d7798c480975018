package io.featureviz.contracts.render;

import io.featureviz.contracts.transform.TransformParser;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The render settings a submitter or command line may leave out, in one place for the CLI, the
 * job API and the worker. The values are lucid's {@code render_vis} defaults: Adam at 0.05, 512
 * steps, the standard transforms, a decorrelated Fourier parameterization squashed by a sigmoid,
 * and ReLU gradients redirected for the first 16 steps.
 */
public final class RenderDefaults {

  public static final int STEPS = 512;
  public static final int BATCH = 1;
  public static final long SEED = 0;
  public static final double LEARNING_RATE = 0.05;
  /** Spatial parameterization: {@code fft} (or {@code pixel}). */
  public static final String PARAM = "fft";
  /** Fourier spectrum decay power; job requests do not set it. */
  public static final float DECAY_POWER = 1.0f;
  /** Optimize in decorrelated colour rather than RGB. */
  public static final boolean DECORRELATE = true;
  /** Clip to [0, 1] instead of a sigmoid; job requests do not set it. */
  public static final boolean CLIP = false;
  /** The transform list, by its name in the transform grammar. */
  public static final String TRANSFORMS = TransformParser.STANDARD;
  /** Steps during which ReLU gradients reach dead units (0 turns it off). */
  public static final int REDIRECT_RELU_STEPS = 16;

  private RenderDefaults() {}

  /** The steps that save an image when none are given: steps/4, steps/2 and steps. */
  public static List<Integer> defaultThresholds(int steps) {
    return IntStream.of(steps / 4, steps / 2, steps).filter(s -> s >= 1).distinct().boxed()
        .toList();
  }
}
