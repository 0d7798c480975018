package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;

/**
 * How one ONNX operator family is rebuilt: folded to constants when its inputs are known at
 * import, else as TensorFlow ops.
 */
interface OnnxOp {

  /** The attributes the op understands; a node with any other is refused at import. */
  Set<String> attributes();

  /** The node's outputs, in order. */
  List<Value> apply(OpContext ctx);
}
