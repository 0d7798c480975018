package io.featureviz.optvis.model.onnx;

import io.featureviz.optvis.model.MeanStd;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * How RGB pixels in [0, 1] become the values an ONNX model takes: per channel
 * {@code (x - mean) / std}, or a linear map of [0, 1] onto a value range. Without metadata it is
 * torchvision's ImageNet mean and std, what PyTorch image classifiers expect.
 */
public record Normalization(List<Float> mean, List<Float> std) {

  public static final Normalization IMAGENET =
      new Normalization(List.of(0.485f, 0.456f, 0.406f), List.of(0.229f, 0.224f, 0.225f));

  public Normalization {
    mean = List.copyOf(mean);
    std = List.copyOf(std);
  }

  /** Black maps to {@code min}, white to {@code max}, in every channel. */
  public static Normalization valueRange(float min, float max) {
    float std = 1f / (max - min);
    float mean = -min * std;
    return new Normalization(List.of(mean, mean, mean), List.of(std, std, std));
  }

  /**
   * The statistics where channels differ; empty where all three agree, since the normalization is
   * then exactly the value range [{@link #min}, {@link #max}].
   */
  Optional<MeanStd> meanStd() {
    boolean uniform = mean.stream().distinct().count() == 1 && std.stream().distinct().count() == 1;
    return uniform ? Optional.empty() : Optional.of(new MeanStd(mean, std));
  }

  /** The smallest value any channel takes (a black pixel in the channel that maps lowest). */
  float min() {
    float min = Float.POSITIVE_INFINITY;
    for (int c = 0; c < 3; c++) {
      min = Math.min(min, -mean.get(c) / std.get(c));
    }
    return min;
  }

  /** The largest value any channel takes. */
  float max() {
    float max = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < 3; c++) {
      max = Math.max(max, (1 - mean.get(c)) / std.get(c));
    }
    return max;
  }

  /** NHWC images in [0, 1] to the model's values, still NHWC. */
  Operand<TFloat32> apply(Ops tf, Operand<TFloat32> images) {
    float[] m = new float[3];
    float[] s = new float[3];
    for (int c = 0; c < 3; c++) {
      m[c] = mean.get(c);
      s[c] = std.get(c);
    }
    return tf.math.div(tf.math.sub(images, tf.constant(m)), tf.constant(s));
  }
}
