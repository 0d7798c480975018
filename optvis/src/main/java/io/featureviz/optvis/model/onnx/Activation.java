package io.featureviz.optvis.model.onnx;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A float tensor the graph computes. A 4-D tensor may be held channel-last (NHWC), the layout
 * TensorFlow's CPU convolutions and pools need, while ONNX means NCHW; {@link #nchw} and
 * {@link #nhwc} convert, and {@link #onnxShape} is always in ONNX's order.
 *
 * @param channelsLast whether this 4-D tensor is held as NHWC rather than ONNX's NCHW
 */
record Activation(Operand<TFloat32> tensor, boolean channelsLast) implements Value {

  static final long[] TO_NHWC = {0, 2, 3, 1};
  static final long[] TO_NCHW = {0, 3, 1, 2};

  int rank() {
    return tensor.shape().numDimensions();
  }

  /** The static shape in ONNX's axis order; -1 where unknown (the batch, in some graphs). */
  long[] onnxShape() {
    long[] shape = tensor.shape().asArray();
    return channelsLast ? new long[] {shape[0], shape[3], shape[1], shape[2]} : shape;
  }

  /** The internal axis holding ONNX axis {@code axis} (already non-negative). */
  int axis(int axis) {
    return channelsLast ? nhwcAxis(axis) : axis;
  }

  /** Where NCHW axis {@code axis} is in NHWC. */
  static int nhwcAxis(int axis) {
    return (int) TO_NCHW[axis];
  }

  /** This tensor in ONNX's layout. */
  Operand<TFloat32> nchw(Ops tf) {
    return channelsLast ? tf.linalg.transpose(tensor, Shapes.int32(tf, TO_NCHW)) : tensor;
  }

  /** This 4-D tensor as NHWC. */
  Operand<TFloat32> nhwc(Ops tf) {
    return channelsLast ? tensor : tf.linalg.transpose(tensor, Shapes.int32(tf, TO_NHWC));
  }

  /** Whether the channel-last and ONNX layouts hold the same bytes (height and width are 1). */
  boolean layoutFree() {
    Shape shape = tensor.shape();
    return !channelsLast || shape.get(1) == 1 && shape.get(2) == 1;
  }

  static Activation onnx(Operand<TFloat32> tensor) {
    return new Activation(tensor, false);
  }

  static Activation nhwc(Operand<TFloat32> tensor) {
    return new Activation(tensor, true);
  }
}
