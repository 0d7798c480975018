package io.featureviz.optvis.runtime;

import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * complex64 operations. The bundled Java API has no complex tensor type, so these go through the
 * raw operation builder and hand back untyped outputs.
 */
public final class ComplexOps {

  private ComplexOps() {}

  public static Output<?> complex(Ops tf, Operand<TFloat32> real, Operand<TFloat32> imag) {
    return tf.scope().opBuilder("Complex", "Complex")
        .addInput(real.asOutput())
        .addInput(imag.asOutput())
        .setAttr("Tout", DataType.DT_COMPLEX64)
        .build()
        .output(0);
  }

  /**
   * {@code [..., 2]} floats, each pair a real and an imaginary part, as the complex64 tensor of
   * the leading dimensions: a bitcast, which copies nothing (its gradient is registered in
   * {@code Gradients}).
   */
  public static Output<?> fromPairs(Ops tf, Operand<TFloat32> pairs) {
    return tf.scope().opBuilder("Bitcast", "FromPairs")
        .addInput(pairs.asOutput())
        .setAttr("type", DataType.DT_COMPLEX64)
        .build()
        .output(0);
  }

  /** The inverse of {@link #fromPairs}: a complex64 tensor's parts as {@code [..., 2]} floats. */
  public static Output<TFloat32> toPairs(Ops tf, Output<?> complex) {
    return RawOps.typed(tf.scope().opBuilder("Bitcast", "ToPairs")
        .addInput(complex)
        .setAttr("type", DataType.DT_FLOAT)
        .build()
        .output(0));
  }

  public static Output<TFloat32> real(Ops tf, Output<?> complex) {
    return RawOps.typed(unary(tf, "Real", complex));
  }

  public static Output<TFloat32> imag(Ops tf, Output<?> complex) {
    return RawOps.typed(unary(tf, "Imag", complex));
  }

  /**
   * Element-wise product of a complex tensor with a real factor per position of its last axis
   * (1-D, broadcast over the other axes). On the engine's {@code FvComplexScale} where it is
   * loaded, with Mul's bits ({@link Scale} says why); the kernel refuses another factor's shape
   * as it runs. The shape is not checked here: this runs inside gradient functions, where asking
   * the graph for a shape waits on the graph's own lock.
   */
  public static Output<?> scale(Ops tf, Output<?> complex, Operand<TFloat32> factor) {
    if (NativeKernels.loaded()) {
      return tf.scope().opBuilder("FvComplexScale", "ComplexScale")
          .addInput(complex)
          .addInput(factor.asOutput())
          .build()
          .output(0);
    }
    return stockScale(tf, complex, factor);
  }

  /** {@link #scale} on TensorFlow's ops: a product with the complex (factor + 0i). */
  static Output<?> stockScale(Ops tf, Output<?> complex, Operand<TFloat32> factor) {
    Output<?> asComplex = complex(tf, factor, tf.zerosLike(factor));
    return tf.scope().opBuilder("Mul", "ComplexScale")
        .addInput(complex)
        .addInput(asComplex)
        .build()
        .output(0);
  }

  public static Output<TFloat32> irfft2d(Ops tf, Output<?> spectrum, Operand<TInt32> fftLength) {
    return RawOps.typed(tf.scope().opBuilder("IRFFT2D", "IRFFT2D")
        .addInput(spectrum)
        .addInput(fftLength.asOutput())
        .setAttr("Treal", DataType.DT_FLOAT)
        .setAttr("Tcomplex", DataType.DT_COMPLEX64)
        .build()
        .output(0));
  }

  public static Output<?> rfft2d(Ops tf, Operand<TFloat32> signal, Operand<TInt32> fftLength) {
    return tf.scope().opBuilder("RFFT2D", "RFFT2D")
        .addInput(signal.asOutput())
        .addInput(fftLength.asOutput())
        .setAttr("Treal", DataType.DT_FLOAT)
        .setAttr("Tcomplex", DataType.DT_COMPLEX64)
        .build()
        .output(0);
  }

  /** Inverse complex FFT over the two innermost dimensions. */
  public static Output<?> ifft2d(Ops tf, Output<?> spectrum) {
    return unary(tf, "IFFT2D", spectrum);
  }

  private static Output<?> unary(Ops tf, String type, Output<?> input) {
    return tf.scope().opBuilder(type, type).addInput(input).build().output(0);
  }
}
