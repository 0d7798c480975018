package io.featureviz.optvis.model.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * MatMul of an activation by a 2-D matrix (a linear layer over the last axis), as one 2-D MatMul
 * between reshapes; 2-D by 2-D directly.
 */
final class MatMulOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of();
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    var tf = ctx.tf();
    Activation a = ctx.activation(0);
    Operand<TFloat32> b = ctx.onnxOperand(ctx.input(1));
    if (b.shape().numDimensions() != 2) {
      throw ctx.refuse("only a 2-D right-hand matrix is supported, got rank "
          + b.shape().numDimensions());
    }
    Operand<TFloat32> x = a.layoutFree() ? a.tensor() : a.nchw(tf);
    if (a.rank() == 2) {
      return List.of(Activation.onnx(tf.linalg.matMul(x, b)));
    }
    long[] shape = a.onnxShape();
    long depth = shape[shape.length - 1];
    long[] out = shape.clone();
    out[out.length - 1] = b.shape().get(1);
    if (Arrays.stream(shape).skip(1).anyMatch(d -> d < 0)) {
      throw ctx.refuse("the input's shape " + Arrays.toString(shape) + " must be static");
    }
    Operand<TFloat32> flat = tf.reshape(x, Shapes.int32(tf, -1, depth));
    return List.of(Activation.onnx(tf.reshape(tf.linalg.matMul(flat, b), Shapes.int32(tf, out))));
  }
}
