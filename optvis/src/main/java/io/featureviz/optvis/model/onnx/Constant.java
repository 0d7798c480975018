package io.featureviz.optvis.model.onnx;

import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A tensor known while the network is built: an initializer, a {@code Constant} node, or shape
 * arithmetic folded for the static input shape. Floating types hold {@code floats}, the others
 * {@code ints}.
 *
 * <p>When the graph's batch size is not static, the elements that stand for it (from a
 * {@code Shape} of an activation) are marked in {@code batch}; they may be moved around (gather,
 * slice, concat) and end in a {@code Reshape} target, but not be computed with.
 *
 * @param batch per element, whether it stands for the unknown batch size; null when none does
 */
record Constant(DataType type, long[] shape, float[] floats, long[] ints, boolean[] batch)
    implements Value {

  static Constant ofFloats(long[] shape, float[] values) {
    return new Constant(DataType.FLOAT, shape, values, null, null);
  }

  static Constant ofInts(DataType type, long[] shape, long[] values) {
    return new Constant(type, shape, null, values, null);
  }

  static Constant scalar(float value) {
    return ofFloats(new long[0], new float[] {value});
  }

  int size() {
    return floats != null ? floats.length : ints.length;
  }

  int rank() {
    return shape.length;
  }

  boolean hasBatch() {
    if (batch != null) {
      for (boolean b : batch) {
        if (b) {
          return true;
        }
      }
    }
    return false;
  }

  float floatAt(int i) {
    return floats != null ? floats[i] : ints[i];
  }

  long longAt(int i) {
    return ints != null ? ints[i] : (long) floats[i];
  }

  /** Every element as float32 (integer constants are converted). */
  float[] toFloats() {
    if (floats != null) {
      return floats;
    }
    float[] values = new float[ints.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = ints[i];
    }
    return values;
  }

  /** Every element as int64 (floats are truncated, as ONNX's Cast does). */
  long[] toLongs() {
    if (ints != null) {
      return ints;
    }
    long[] values = new long[floats.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (long) floats[i];
    }
    return values;
  }

  Constant cast(DataType to) {
    if (to.floating) {
      return new Constant(to, shape, toFloats(), null, batch);
    }
    long[] values = toLongs().clone();
    if (to == DataType.BOOL) {
      for (int i = 0; i < values.length; i++) {
        values[i] = values[i] != 0 ? 1 : 0;
      }
    }
    return new Constant(to, shape, null, values, batch);
  }

  Constant reshape(long[] newShape) {
    return new Constant(type, newShape, floats, ints, batch);
  }

  /** The elements at {@code indices} (flat positions in this constant), as a tensor of shape. */
  Constant select(long[] newShape, int[] indices) {
    float[] f = floats == null ? null : new float[indices.length];
    long[] l = ints == null ? null : new long[indices.length];
    boolean[] b = batch == null ? null : new boolean[indices.length];
    for (int i = 0; i < indices.length; i++) {
      if (f != null) {
        f[i] = floats[indices[i]];
      } else {
        l[i] = ints[indices[i]];
      }
      if (b != null) {
        b[i] = batch[indices[i]];
      }
    }
    return new Constant(type, newShape, f, l, b);
  }

  /** Numpy-style transpose: output axis i is input axis {@code perm[i]}. */
  Constant transpose(int[] perm) {
    long[] outShape = new long[perm.length];
    for (int i = 0; i < perm.length; i++) {
      outShape[i] = shape[perm[i]];
    }
    long[] inStrides = Shapes.strides(shape);
    int[] indices = new int[size()];
    long[] index = new long[perm.length];
    for (int flat = 0; flat < indices.length; flat++) {
      Shapes.unflatten(flat, outShape, index);
      long source = 0;
      for (int i = 0; i < perm.length; i++) {
        source += index[i] * inStrides[perm[i]];
      }
      indices[flat] = (int) source;
    }
    return select(outShape, indices);
  }

  /** This constant as a float32 graph constant. */
  Operand<TFloat32> operand(Ops tf) {
    return tf.constant(Shape.of(shape), DataBuffers.of(toFloats(), true, false));
  }

  @Override
  public String toString() {
    return type + Arrays.toString(shape);
  }
}
