package io.featureviz.optvis.model;

import java.util.function.IntUnaryOperator;

/**
 * An inference-mode batch normalization as what it computes: one scale and one shift per channel,
 * {@code y = x * scale + shift}, with {@code scale = gamma / sqrt(variance + epsilon)} and
 * {@code shift = beta - mean * scale}.
 *
 * <p>Importers fold it into the convolution before it where they can ({@link #foldIntoKernel},
 * {@link #foldIntoBias}) rather than build a Mul on the convolution's output: TensorFlow's graph
 * optimizer otherwise makes that fold itself at every session's first run (constant folding's
 * "MulConvPushDown"), renames the Conv2D node as it does so and leaves the control inputs that
 * its own shape folding gave to the gradient graph pointing at the old name. The optimizer passes
 * after it then fail on the graph and print ERROR lines ("Invalid input ^.../Conv2d").
 */
public record BatchNorm(float[] scale, float[] shift) {

  /** @param gamma the learned scale, null for none (1); @param beta the learned shift, or null */
  public static BatchNorm of(float[] gamma, float[] beta, float[] mean, float[] variance,
      double epsilon) {
    int channels = mean.length;
    float[] scale = new float[channels];
    float[] shift = new float[channels];
    for (int c = 0; c < channels; c++) {
      double s = (gamma == null ? 1 : gamma[c]) / Math.sqrt(variance[c] + epsilon);
      scale[c] = (float) s;
      shift[c] = (float) ((beta == null ? 0 : beta[c]) - mean[c] * s);
    }
    return new BatchNorm(scale, shift);
  }

  public int channels() {
    return scale.length;
  }

  /**
   * The kernel of a convolution whose output this normalizes, scaled so that the convolution
   * computes {@code conv(x) * scale}.
   *
   * @param kernel the kernel's values with the output channel as the fastest-varying axis (as
   *     TensorFlow's HWIO Conv2D filters hold them)
   */
  public float[] foldIntoKernel(float[] kernel) {
    return fold(kernel, i -> i % channels());
  }

  /**
   * {@link #foldIntoKernel} for a kernel whose output channel is the slowest-varying axis (as
   * ONNX's Conv weights {@code [out, in / group, h, w]} hold them).
   */
  public float[] foldIntoOutputMajorKernel(float[] kernel) {
    int perChannel = kernel.length / channels();
    return fold(kernel, i -> i / perChannel);
  }

  private float[] fold(float[] kernel, IntUnaryOperator channelOf) {
    if (kernel.length % channels() != 0) {
      throw new IllegalArgumentException("a kernel of " + kernel.length + " values does not hold "
          + channels() + " output channels");
    }
    float[] folded = new float[kernel.length];
    for (int i = 0; i < kernel.length; i++) {
      folded[i] = kernel[i] * scale[channelOf.applyAsInt(i)];
    }
    return folded;
  }

  /** The bias of the folded convolution, given the convolution's own bias (null for none). */
  public float[] foldIntoBias(float[] bias) {
    float[] folded = new float[channels()];
    for (int c = 0; c < folded.length; c++) {
      folded[c] = (bias == null ? 0 : bias[c] * scale[c]) + shift[c];
    }
    return folded;
  }
}
