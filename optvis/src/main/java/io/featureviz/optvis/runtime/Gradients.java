package io.featureviz.optvis.runtime;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Registers, once per process, the gradients TensorFlow's C++ gradient registry lacks but the
 * engine needs: the real FFTs behind the Fourier parameterization, the projective warp behind
 * scale and rotation, the marker behind {@link RedirectedRelu}, and ComplexAbs for imported
 * graphs.
 *
 * <p>Shapes are read with shape ops, never {@code Output.shape()}: that call deadlocks inside a
 * gradient callback.
 */
final class Gradients {

  private Gradients() {}

  static void registerAll() {
    TensorFlow.registerCustomGradient("IRFFT2D", Gradients::irfft2dGradient);
    TensorFlow.registerCustomGradient("RFFT2D", Gradients::rfft2dGradient);
    TensorFlow.registerCustomGradient("ComplexAbs", Gradients::complexAbsGradient);
    TensorFlow.registerCustomGradient("Bitcast", Gradients::bitcastGradient);
    TensorFlow.registerCustomGradient("ImageProjectiveTransformV3",
        ProjectiveTransformGradient::gradient);
    RedirectedRelu.register();
  }

  /**
   * IRFFT2D maps a half spectrum (H, W/2+1) to a real signal (H, W). Its adjoint is the RFFT of
   * the incoming gradient scaled by 1/(H*W), with the interior columns counted twice because
   * each stands for itself and its dropped Hermitian mirror.
   */
  private static List<Operand<?>> irfft2dGradient(
      Ops tf, GraphOperation op, List<Output<?>> gradients) {
    @SuppressWarnings("unchecked")
    Output<TFloat32> grad = (Output<TFloat32>) gradients.get(0);
    @SuppressWarnings("unchecked")
    Operand<TInt32> fftLength = (Operand<TInt32>) op.input(1);
    Operand<TInt32> width = tf.gather(fftLength, tf.constant(1), tf.constant(0));
    Operand<TInt32> columns = tf.math.add(tf.math.floorDiv(width, tf.constant(2)), tf.constant(1));
    Operand<TInt32> isOdd = tf.math.mod(width, tf.constant(2));
    // [1, 2, ..., 2, 1] for even widths; the Nyquist column has no mirror. [1, 2, ..., 2] for odd.
    Operand<TFloat32> mask = tf.concat(Arrays.asList(
        tf.constant(new float[] {1f}),
        tf.fill(tf.reshape(tf.math.add(tf.math.sub(columns, tf.constant(2)), isOdd),
            tf.constant(new int[] {1})), tf.constant(2f)),
        tf.fill(tf.reshape(tf.math.sub(tf.constant(1), isOdd), tf.constant(new int[] {1})),
            tf.constant(1f))), tf.constant(0));
    Operand<TFloat32> size = tf.dtypes.cast(tf.prod(fftLength, tf.constant(0)), TFloat32.class);
    Operand<TFloat32> factor = tf.math.div(mask, size);
    Output<?> spectrum = ComplexOps.rfft2d(tf, grad, fftLength);
    return Arrays.asList(ComplexOps.scale(tf, spectrum, factor), noGradient(tf, fftLength));
  }

  /** d|z|/dz as TensorFlow represents it for complex inputs: g * z / |z| (0 where z = 0). */
  private static List<Operand<?>> complexAbsGradient(
      Ops tf, GraphOperation op, List<Output<?>> gradients) {
    Output<TFloat32> grad = RawOps.typed(gradients.get(0));
    Output<?> z = op.input(0);
    Output<TFloat32> magnitude = RawOps.typed(op.output(0));
    Operand<TFloat32> scale = tf.math.divNoNan(grad, magnitude);
    return Arrays.asList(ComplexOps.complex(tf,
        tf.math.mul(ComplexOps.real(tf, z), scale), tf.math.mul(ComplexOps.imag(tf, z), scale)));
  }

  /**
   * Between float pairs and complex64 ({@link ComplexOps#fromPairs}), where a bitcast only
   * renames the same numbers: the gradient is the incoming one read back the other way (for
   * complex values TensorFlow's gradient holds d/d real + i d/d imaginary). Other bitcasts
   * reinterpret bits, which has no gradient.
   */
  private static List<Operand<?>> bitcastGradient(
      Ops tf, GraphOperation op, List<Output<?>> gradients) {
    // Read from the attributes: asking the outputs for their types blocks inside a callback.
    DataType from = op.attributes().getAttrType("T");
    DataType to = op.attributes().getAttrType("type");
    if (from == DataType.DT_FLOAT && to == DataType.DT_COMPLEX64) {
      return List.of(ComplexOps.toPairs(tf, gradients.get(0)));
    }
    if (from == DataType.DT_COMPLEX64 && to == DataType.DT_FLOAT) {
      return List.of(ComplexOps.fromPairs(tf, RawOps.typed(gradients.get(0))));
    }
    throw new IllegalArgumentException("no gradient for a bitcast from " + from + " to " + to
        + " (" + op.name() + ")");
  }

  /** The FFT length is an integer shape argument; the callback API wants a tensor, not null. */
  private static Operand<TInt32> noGradient(Ops tf, Operand<TInt32> fftLength) {
    return tf.zerosLike(fftLength);
  }

  /**
   * RFFT2D keeps the first W/2+1 columns of the full 2-D DFT. For a real loss, d/dx of
   * sum over kept k of (g_k conj y_k) is Re(sum_k g_k e^{+2 pi i k n / N}): the unnormalized
   * inverse DFT of the gradient zero-padded to the full spectrum.
   */
  private static List<Operand<?>> rfft2dGradient(
      Ops tf, GraphOperation op, List<Output<?>> gradients) {
    Output<?> grad = gradients.get(0);
    @SuppressWarnings("unchecked")
    Operand<TInt32> fftLength = (Operand<TInt32>) op.input(1);
    Output<TFloat32> real = ComplexOps.real(tf, grad);
    Output<TFloat32> imag = ComplexOps.imag(tf, grad);
    Operand<TInt32> rank = tf.rank(real);
    Operand<TInt32> width = tf.gather(fftLength, tf.constant(1), tf.constant(0));
    Operand<TInt32> kept = tf.gather(tf.shape(real), tf.math.sub(rank, tf.constant(1)),
        tf.constant(0));
    // Zero-pad the last dimension from W/2+1 columns up to W.
    Operand<TInt32> before = tf.zeros(tf.reshape(rank, tf.constant(new int[] {1})), TInt32.class);
    Operand<TInt32> after = tf.concat(Arrays.asList(
        tf.zeros(tf.reshape(tf.math.sub(rank, tf.constant(1)), tf.constant(new int[] {1})),
            TInt32.class),
        tf.reshape(tf.math.sub(width, kept), tf.constant(new int[] {1}))), tf.constant(0));
    Operand<TInt32> paddings = tf.stack(Arrays.asList(before, after), Stack.axis(1L));
    Output<?> padded = ComplexOps.complex(tf,
        tf.pad(real, paddings, tf.constant(0f)), tf.pad(imag, paddings, tf.constant(0f)));
    Operand<TFloat32> size = tf.dtypes.cast(tf.prod(fftLength, tf.constant(0)), TFloat32.class);
    Output<TFloat32> inverse = ComplexOps.real(tf, ComplexOps.ifft2d(tf, padded));
    return Arrays.asList(tf.math.mul(inverse, size), noGradient(tf, fftLength));
  }
}
