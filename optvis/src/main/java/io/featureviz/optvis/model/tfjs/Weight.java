package io.featureviz.optvis.model.tfjs;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Constant;
import org.tensorflow.types.TFloat32;

/** One dequantized weight tensor, kept in memory so every graph built gets its own constant. */
record Weight(String name, Shape shape, float[] values) {

  Constant<TFloat32> constant(Ops tf) {
    return tf.constant(shape, DataBuffers.of(values, true, false));
  }
}
