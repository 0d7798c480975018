package io.featureviz.optvis.model.tflite;

import io.featureviz.optvis.model.NetworkBuilder;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * One TFLite operator, prepared at load time (weights dequantized and in TensorFlow's layout) so
 * that it can be added to any number of graphs.
 */
interface GraphOp {

  /** Tensor indices of the values the op consumes at run time, in order. */
  int[] inputs();

  /** Tensor index of the op's result. */
  int output();

  Operand<TFloat32> build(NetworkBuilder net, List<Operand<TFloat32>> inputs);
}
