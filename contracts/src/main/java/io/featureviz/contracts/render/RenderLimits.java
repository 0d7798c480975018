package io.featureviz.contracts.render;

/**
 * The values every render setting may take, in one place for the job API (which refuses the
 * others before anything is queued and publishes them in its OpenAPI schema), {@code ./fv submit}
 * and the engine's command line. Each {@link RenderDefaults} value lies inside its range.
 */
public final class RenderLimits {

  /** The smallest image side: below it the transforms' pad and jitter leave little image. */
  public static final int MIN_SIZE = 16;
  /** The largest image side, as a multiple of the model's input size. */
  public static final int MAX_SIZE_PER_INPUT_SIZE = 4;

  public static final int MAX_STEPS = 10_000;

  public static final NumberRange STEPS = NumberRange.integers(1, MAX_STEPS);
  public static final NumberRange BATCH = NumberRange.integers(1, 16);
  /** A non-negative 32-bit integer: every client language holds it exactly. */
  public static final NumberRange SEED = NumberRange.integers(0, Integer.MAX_VALUE);
  /** Adam's step size (lucid's is 0.05); far beyond 1 every step saturates the image. */
  public static final NumberRange LEARNING_RATE = NumberRange.above(0, 10);
  /** The Fourier spectrum's 1/f^power scaling: 0 leaves it flat, higher favours coarse images. */
  public static final NumberRange DECAY_POWER = NumberRange.between(0, 4);
  /** Steps with redirected ReLU gradients; 0 turns them off, and a run has no more steps. */
  public static final NumberRange REDIRECT_RELU_STEPS = NumberRange.integers(0, MAX_STEPS);

  private RenderLimits() {}

  /** The image sides a model renders: {@value #MIN_SIZE} to 4 times its input size. */
  public static NumberRange size(int inputSize) {
    return NumberRange.integers(MIN_SIZE,
        Math.max(MIN_SIZE, (long) MAX_SIZE_PER_INPUT_SIZE * inputSize));
  }

  /** The steps a threshold may name: those of the run. */
  public static NumberRange thresholds(int steps) {
    return NumberRange.integers(1, steps);
  }
}
