package io.featureviz.optvis.model.tf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;

/**
 * A network whose weights are all constants, ready to be joined to any graph: its GraphDef cut
 * down to the exposed tensors, the input tensor it replaces and the value range it expects.
 */
record FrozenNetwork(
    String id,
    GraphDef graphDef,
    TensorName input,
    Map<String, TensorName> outputs,
    float rangeMin,
    float rangeMax) {

  /**
   * Checks that the metadata's tensors exist in {@code graphDef} and keeps what computes them, with
   * LRN rewritten into ops whose gradients are right ({@link LrnRewrite}).
   */
  static FrozenNetwork of(GraphDef graphDef, ModelMetadata metadata) {
    TensorName input = metadata.inputTensor();
    Map<String, TensorName> outputs = metadata.layerTensors();
    Map<String, NodeDef> nodes = Subgraph.byName(graphDef);
    checkInput(nodes.get(input.node()), input);
    outputs.forEach((layer, tensor) -> {
      if (!nodes.containsKey(tensor.node())) {
        throw new ModelImportException("layer '" + layer + "': tensor " + tensor
            + " not found in the graph (no node '" + tensor.node() + "')");
      }
    });
    List<String> roots = outputs.values().stream().map(TensorName::node).toList();
    GraphDef needed = Subgraph.ancestors(graphDef, roots, input.node());
    needed.getNodeList().stream()
        .filter(n -> n.getOp().equals("Placeholder") && !n.getName().equals(input.node()))
        .findFirst()
        .ifPresent(other -> {
          throw new ModelImportException("the layers depend on placeholder '" + other.getName()
              + "', which is not the input " + input + "; is 'input' the right tensor?");
        });
    return new FrozenNetwork(metadata.id(), LrnRewrite.apply(needed, input), input, outputs,
        metadata.rangeMin(), metadata.rangeMax());
  }

  private static void checkInput(NodeDef node, TensorName input) {
    if (node == null) {
      throw new ModelImportException("input tensor " + input + " not found in the graph (no node '"
          + input.node() + "')");
    }
    if (node.getOp().equals("Placeholder")) {
      if (input.index() != 0) {
        throw new ModelImportException("input tensor " + input + " not found in the graph ('"
            + input.node() + "' is a placeholder with one output, " + input.node() + ":0)");
      }
      DataType type = node.getAttrOrThrow("dtype").getType();
      if (type != DataType.DT_FLOAT) {
        throw new ModelImportException("input tensor " + input + " is " + type
            + "; only float32 image inputs are supported");
      }
      TensorShapeProto shape =
          node.getAttrOrDefault("shape", AttrValue.getDefaultInstance()).getShape();
      boolean nhwc = shape.getDimCount() == 4
          && (shape.getDim(3).getSize() < 0 || shape.getDim(3).getSize() == 3);
      if (node.containsAttr("shape") && !shape.getUnknownRank() && !nhwc) {
        throw new ModelImportException("input tensor " + input + " has shape "
            + shape.getDimList().stream().map(d -> d.getSize()).toList()
            + "; expected NHWC images with 3 channels");
      }
    }
  }

  /**
   * Adds the network to the graph behind {@code tf}, fed by {@code images} in [0, 1] mapped to the
   * network's value range, and returns the exposed tensors by layer name.
   */
  Map<String, Operand<TFloat32>> build(Ops tf, Operand<TFloat32> images) {
    ExecutionEnvironment env = tf.scope().env();
    if (!(env instanceof Graph graph)) {
      throw new IllegalArgumentException("imported models build into a Graph, not " + env);
    }
    Operand<TFloat32> scaled = tf.math.add(
        tf.math.mul(images, tf.constant(rangeMax - rangeMin)), tf.constant(rangeMin));
    String prefix = NativeGraphImport.importInto(graph, graphDef, "fv_" + id, input,
        scaled.asOutput());
    Map<String, Operand<TFloat32>> byLayer = new LinkedHashMap<>();
    outputs.forEach((layer, tensor) -> byLayer.put(layer, imported(graph, prefix, layer, tensor)));
    return byLayer;
  }

  private static Operand<TFloat32> imported(Graph graph, String prefix, String layer,
      TensorName tensor) {
    GraphOperation op = graph.operationOrThrow(prefix + "/" + tensor.node());
    if (tensor.index() >= op.numOutputs()) {
      throw new ModelImportException("layer '" + layer + "': tensor " + tensor + " not found in the"
          + " graph (node '" + tensor.node() + "' has " + op.numOutputs() + " outputs)");
    }
    Output<?> output = op.output(tensor.index());
    if (output.dataType() != DataType.DT_FLOAT) {
      throw new ModelImportException("layer '" + layer + "': tensor " + tensor + " is "
          + output.dataType() + ", expected float32");
    }
    return output.expect(TFloat32.class);
  }
}
