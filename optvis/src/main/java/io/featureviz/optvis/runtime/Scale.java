package io.featureviz.optvis.runtime;

import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code x * scale} for two float tensors of one shape (the Fourier spectrum by its frequencies'
 * scales). Where the engine's kernels are loaded it is {@code FvScale} ({@code
 * src/main/c/scales.c}): the product on the calling thread, large ones shared with helper
 * threads that join when they wake, which on two cores costs less than TensorFlow's Mul handing
 * halves to its threads and waiting for the late one; elsewhere Mul. Both give the same bits.
 */
public final class Scale {

  private Scale() {}

  public static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Operand<TFloat32> scale) {
    if (!NativeKernels.loaded()) {
      return tf.math.mul(x, scale);
    }
    if (x.shape().hasUnknownDimension() || scale.shape().hasUnknownDimension()
        ? x.shape().numDimensions() != scale.shape().numDimensions()
        : !x.shape().equals(scale.shape())) {
      throw new IllegalArgumentException("x and scale must have the same shape, got "
          + x.shape() + " and " + scale.shape());
    }
    return kernel(tf, x, scale);
  }

  private static Output<TFloat32> kernel(Ops tf, Operand<TFloat32> x, Operand<TFloat32> scale) {
    return RawOps.typed(tf.scope().opBuilder("FvScale", "FvScale")
        .addInput(x.asOutput())
        .addInput(scale.asOutput())
        .build()
        .output(0));
  }

  /** Registers the kernel op's gradient; called once the kernels are loaded. */
  static void registerGradient() {
    TensorFlow.registerCustomGradient("FvScale", Scale::gradient);
  }

  /** d/dx = g * scale and d/dscale = g * x, as Mul's gradient for one shape. */
  private static List<Operand<?>> gradient(Ops tf, GraphOperation op,
      List<Output<?>> gradients) {
    Output<TFloat32> grad = RawOps.typed(gradients.get(0));
    return List.of(kernel(tf, grad, RawOps.typed(op.input(1))),
        kernel(tf, grad, RawOps.typed(op.input(0))));
  }
}
