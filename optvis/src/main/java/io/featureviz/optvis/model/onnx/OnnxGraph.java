package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Map;

/**
 * The main graph of a model ({@code GraphProto}): its nodes in file order, initializers by name,
 * and the declared inputs (initializers may be listed among them) and outputs.
 */
record OnnxGraph(List<OnnxNode> nodes, Map<String, Constant> initializers,
    List<ValueInfo> inputs, List<ValueInfo> outputs) {}
