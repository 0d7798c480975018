package io.featureviz.optvis.model.onnx;

import io.featureviz.optvis.model.NetworkBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph of an ONNX file checked and put in execution order: every operator known, every input
 * produced by a node, an initializer or the image input, no cycle. {@link #build} rebuilds it into
 * a TensorFlow graph, folding what is known at that point (shape arithmetic) to constants.
 */
final class OnnxNetwork {

  private final OnnxModelFile file;
  private final OnnxGraph graph;
  private final ValueInfo input;
  private final List<OnnxNode> order;
  private final List<OnnxOp> ops;

  private OnnxNetwork(OnnxModelFile file, OnnxGraph graph, ValueInfo input, List<OnnxNode> order,
      List<OnnxOp> ops) {
    this.file = file;
    this.graph = graph;
    this.input = input;
    this.order = order;
    this.ops = ops;
  }

  static OnnxNetwork prepare(OnnxModelFile file) {
    OnnxGraph graph = ConvBatchNormFold.apply(file.graph());
    ValueInfo input = imageInput(graph);
    List<OnnxNode> order = executionOrder(graph, input.name());
    List<OnnxOp> ops = order.stream().map(n -> OnnxOperators.forNode(n, file.opset())).toList();
    return new OnnxNetwork(file, graph, input, order, ops);
  }

  private static ValueInfo imageInput(OnnxGraph graph) {
    List<ValueInfo> inputs = graph.inputs().stream()
        .filter(i -> !graph.initializers().containsKey(i.name())).toList();
    if (inputs.size() != 1) {
      throw new OnnxImportException("the graph has " + inputs.size() + " inputs besides its"
          + " initializers; an image model has one");
    }
    ValueInfo input = inputs.get(0);
    long[] dims = input.dims();
    if (input.elemType() != DataType.FLOAT.code || dims.length != 4 || dims[1] != 3
        || dims[2] != dims[3]) {
      throw new OnnxImportException("input '" + input.name() + "' is " + (input.elemType()
          == DataType.FLOAT.code ? "" : "not float32 or ") + "of shape " + Arrays.toString(dims)
          + ", not float32 square RGB images [batch, 3, size, size] (-1: dynamic)");
    }
    return input;
  }

  /** Nodes ordered so that each comes after the producers of its inputs (Kahn's algorithm). */
  private static List<OnnxNode> executionOrder(OnnxGraph graph, String inputName) {
    Map<String, OnnxNode> producers = new HashMap<>();
    for (OnnxNode node : graph.nodes()) {
      for (String output : node.outputs()) {
        if (!output.isEmpty() && producers.put(output, node) != null) {
          throw new OnnxImportException(node.label() + ": tensor '" + output
              + "' is produced twice");
        }
      }
    }
    Set<String> available = new HashSet<>(graph.initializers().keySet());
    available.add(inputName);
    Map<OnnxNode, Integer> waiting = new LinkedHashMap<>();
    Map<String, List<OnnxNode>> consumers = new HashMap<>();
    Deque<OnnxNode> ready = new ArrayDeque<>();
    for (OnnxNode node : graph.nodes()) {
      int pending = 0;
      for (String in : new LinkedHashSet<>(node.inputs())) {
        if (in.isEmpty() || available.contains(in)) {
          continue;
        }
        if (!producers.containsKey(in)) {
          throw new OnnxImportException(node.label() + ": input '" + in + "' is neither an"
              + " initializer, the graph input nor any node's output");
        }
        consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(node);
        pending++;
      }
      waiting.put(node, pending);
      if (pending == 0) {
        ready.add(node);
      }
    }
    List<OnnxNode> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      OnnxNode node = ready.poll();
      order.add(node);
      for (String output : node.outputs()) {
        for (OnnxNode consumer : consumers.getOrDefault(output, List.of())) {
          if (waiting.merge(consumer, -1, Integer::sum) == 0) {
            ready.add(consumer);
          }
        }
      }
    }
    if (order.size() < graph.nodes().size()) {
      OnnxNode stuck = waiting.entrySet().stream().filter(e -> e.getValue() > 0)
          .map(Map.Entry::getKey).findFirst().orElseThrow();
      throw new OnnxImportException(stuck.label() + ": the graph has a cycle through this node");
    }
    return order;
  }

  ValueInfo input() {
    return input;
  }

  long opset() {
    return file.opset();
  }

  /** The nodes in execution order. */
  List<OnnxNode> nodes() {
    return order;
  }

  /** The graph's declared output names. */
  List<String> outputs() {
    return graph.outputs().stream().map(ValueInfo::name).toList();
  }

  /**
   * Adds the network to a graph.
   *
   * @param image the value of the graph input, as the ONNX model takes it
   * @return the value of every tensor, by ONNX name
   */
  Map<String, Value> build(NetworkBuilder net, Activation image) {
    Map<String, Value> values = new HashMap<>(graph.initializers());
    values.put(input.name(), image);
    for (int n = 0; n < order.size(); n++) {
      OnnxNode node = order.get(n);
      List<Value> inputs = node.inputs().stream()
          .map(name -> name.isEmpty() ? null : values.get(name)).toList();
      OpContext ctx = new OpContext(node, file.opset(), net, new ArrayList<>(inputs));
      List<Value> outputs;
      try {
        outputs = ops.get(n).apply(ctx);
      } catch (OnnxImportException e) {
        throw e;
      } catch (RuntimeException e) {
        throw ctx.refuse(e.getMessage() == null ? e.toString() : e.getMessage());
      }
      for (int i = 0; i < node.outputs().size() && i < outputs.size(); i++) {
        values.put(node.outputs().get(i), outputs.get(i));
      }
    }
    return values;
  }
}
