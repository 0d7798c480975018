package io.featureviz.optvis.model.onnx;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Numpy broadcasting for elementwise operators: folded in Java for constants, and for graph
 * operands brought into one layout. ONNX broadcasts against NCHW, so when any input is held
 * channel-last, the others are permuted to match rather than the activation transposed back.
 */
final class Broadcast {
  private Broadcast() {}

  /** Graph operands of an elementwise op in a common layout. */
  record Aligned(List<Operand<TFloat32>> operands, boolean channelsLast) {
    Activation wrap(Operand<TFloat32> result) {
      return new Activation(result, channelsLast);
    }
  }

  static Aligned align(Ops tf, List<Value> values) {
    boolean nhwc = values.stream().anyMatch(v -> v instanceof Activation a && a.channelsLast())
        && values.stream().allMatch(v -> rank(v) <= 4);
    List<Operand<TFloat32>> operands = new ArrayList<>();
    for (Value value : values) {
      operands.add(nhwc ? channelsLast(tf, value) : onnx(tf, value));
    }
    return new Aligned(operands, nhwc);
  }

  private static int rank(Value value) {
    return value instanceof Activation a ? a.rank() : ((Constant) value).rank();
  }

  private static Operand<TFloat32> onnx(Ops tf, Value value) {
    return value instanceof Activation a ? a.nchw(tf) : ((Constant) value).operand(tf);
  }

  /** A value broadcast against NCHW, rearranged to broadcast against NHWC. */
  private static Operand<TFloat32> channelsLast(Ops tf, Value value) {
    if (value instanceof Activation a) {
      if (a.rank() == 4) {
        return a.nhwc(tf);
      }
      Operand<TFloat32> padded = tf.reshape(a.tensor(), Shapes.int32(tf, padTo4(
          a.tensor().shape().asArray())));
      return tf.linalg.transpose(padded, Shapes.int32(tf, Activation.TO_NHWC));
    }
    Constant c = (Constant) value;
    if (c.size() == 1) {
      return c.operand(tf);
    }
    return c.reshape(padTo4(c.shape())).transpose(new int[] {0, 2, 3, 1}).operand(tf);
  }

  private static long[] padTo4(long[] shape) {
    long[] padded = {1, 1, 1, 1};
    System.arraycopy(shape, 0, padded, 4 - shape.length, shape.length);
    return padded;
  }

  /** The broadcast shape of two shapes, or an error naming them. */
  static long[] shape(long[] a, long[] b, OpContext ctx) {
    int rank = Math.max(a.length, b.length);
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw ctx.refuse("shapes " + java.util.Arrays.toString(a) + " and "
            + java.util.Arrays.toString(b) + " do not broadcast");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /** A constant repeated to a broadcast shape. */
  static Constant expand(Constant c, long[] shape) {
    int count = Shapes.elements(shape, "broadcast");
    long[] strides = Shapes.strides(c.shape());
    int offset = shape.length - c.rank();
    long[] index = new long[shape.length];
    int[] sources = new int[count];
    for (int flat = 0; flat < count; flat++) {
      Shapes.unflatten(flat, shape, index);
      long source = 0;
      for (int i = 0; i < c.rank(); i++) {
        source += (c.shape()[i] == 1 ? 0 : index[i + offset]) * strides[i];
      }
      sources[flat] = (int) source;
    }
    return c.select(shape, sources);
  }
}
