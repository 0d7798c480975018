package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Map;

/**
 * One node of the graph ({@code NodeProto}). An empty input name is an omitted optional input.
 */
record OnnxNode(String name, String opType, String domain, List<String> inputs,
    List<String> outputs, Map<String, OnnxAttribute> attributes) {

  /** How messages name the node: its name, or its first output when it has none. */
  String label() {
    String id = name.isEmpty() ? "(output " + (outputs.isEmpty() ? "?" : outputs.get(0)) + ")"
        : "'" + name + "'";
    return opType + " node " + id;
  }
}
