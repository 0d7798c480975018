package io.featureviz.optvis.model.onnx;

import io.featureviz.optvis.model.BatchNorm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds each BatchNormalization that alone reads a Conv's output into that Conv ({@link BatchNorm}
 * says why): the pair becomes one Conv named after the normalization, computing its output with
 * scaled weights and a new bias. The Conv's own output then no longer exists, so it is no layer.
 *
 * <p>Only weights and statistics held as initializers are folded; anything else is left to
 * {@link BatchNormOp}.
 */
final class ConvBatchNormFold {

  private ConvBatchNormFold() {}

  static OnnxGraph apply(OnnxGraph graph) {
    Map<String, OnnxNode> producers = new HashMap<>();
    Map<String, Integer> readers = new HashMap<>();
    for (OnnxNode node : graph.nodes()) {
      node.outputs().forEach(output -> producers.put(output, node));
      node.inputs().forEach(input -> readers.merge(input, 1, Integer::sum));
    }
    graph.outputs().forEach(output -> readers.merge(output.name(), 1, Integer::sum));
    Map<String, Constant> initializers = new LinkedHashMap<>(graph.initializers());
    Map<OnnxNode, OnnxNode> replaced = new HashMap<>();
    Set<OnnxNode> removed = new HashSet<>();
    for (OnnxNode norm : graph.nodes()) {
      OnnxNode conv = norm.opType().equals("BatchNormalization") && !norm.inputs().isEmpty()
          ? producers.get(norm.inputs().get(0)) : null;
      if (conv == null || !conv.opType().equals("Conv")
          || readers.get(norm.inputs().get(0)) != 1 || !foldable(conv, norm, initializers)) {
        continue;
      }
      OnnxAttribute epsilon = norm.attributes().get("epsilon");
      BatchNorm folded = BatchNorm.of(floats(initializers, norm, 1), floats(initializers, norm, 2),
          floats(initializers, norm, 3), floats(initializers, norm, 4),
          epsilon == null ? 1e-5 : epsilon.f());
      Constant weights = initializers.get(conv.inputs().get(1));
      if (weights.shape().length == 0 || weights.shape()[0] != folded.channels()) {
        continue;
      }
      String output = norm.outputs().get(0);
      String weightName = freshName(output + "/folded_weights", initializers, producers);
      initializers.put(weightName, Constant.ofFloats(weights.shape(),
          folded.foldIntoOutputMajorKernel(weights.toFloats())));
      String biasName = freshName(output + "/folded_bias", initializers, producers);
      initializers.put(biasName, Constant.ofFloats(new long[] {folded.channels()},
          folded.foldIntoBias(conv.inputs().size() > 2 && !conv.inputs().get(2).isEmpty()
              ? floats(initializers, conv, 2) : null)));
      removed.add(conv);
      replaced.put(norm, new OnnxNode(norm.name(), "Conv", conv.domain(),
          List.of(conv.inputs().get(0), weightName, biasName), List.of(output),
          conv.attributes()));
    }
    if (replaced.isEmpty()) {
      return graph;
    }
    List<OnnxNode> nodes = new ArrayList<>();
    for (OnnxNode node : graph.nodes()) {
      if (!removed.contains(node)) {
        nodes.add(replaced.getOrDefault(node, node));
      }
    }
    return new OnnxGraph(nodes, initializers, graph.inputs(), graph.outputs());
  }

  /** Inference mode, one output, and weights, bias and statistics known at import. */
  private static boolean foldable(OnnxNode conv, OnnxNode norm, Map<String, Constant> known) {
    OnnxAttribute training = norm.attributes().get("training_mode");
    if (training != null && training.i() != 0 || norm.inputs().size() != 5
        || norm.outputs().stream().filter(o -> !o.isEmpty()).count() != 1
        || conv.inputs().size() < 2) {
      return false;
    }
    List<String> constants = new ArrayList<>(norm.inputs().subList(1, 5));
    constants.addAll(conv.inputs().subList(1, conv.inputs().size()));
    return constants.stream().allMatch(name -> name.isEmpty()
        || known.containsKey(name) && known.get(name).floats() != null);
  }

  private static float[] floats(Map<String, Constant> initializers, OnnxNode node, int input) {
    return initializers.get(node.inputs().get(input)).toFloats();
  }

  private static String freshName(String base, Map<String, Constant> initializers,
      Map<String, OnnxNode> producers) {
    String name = base;
    for (int n = 1; initializers.containsKey(name) || producers.containsKey(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }
}
