package io.featureviz.optvis.model.tf;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Cuts a GraphDef down to what computes the exposed tensors from the input, so training nodes,
 * savers, extra placeholders and summaries of a user's graph stay out of the optimization graph.
 */
final class Subgraph {
  private Subgraph() {}

  /**
   * Keeps the nodes the {@code roots} depend on through data edges, not looking past {@code input};
   * control edges are dropped, since a frozen forward pass needs none (they guard initializers and
   * assertions). Node order and the function library are kept.
   */
  static GraphDef ancestors(GraphDef graph, Collection<String> roots, String input) {
    Map<String, NodeDef> byName = byName(graph);
    Set<String> kept = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      NodeDef node = byName.get(name);
      if (node == null || !kept.add(name) || name.equals(input)) {
        continue;
      }
      node.getInputList().stream()
          .filter(in -> !in.startsWith("^"))
          .forEach(in -> todo.push(nodeOf(in)));
    }
    GraphDef.Builder pruned = graph.toBuilder().clearNode();
    for (NodeDef node : graph.getNodeList()) {
      if (kept.contains(node.getName())) {
        NodeDef.Builder copy = node.toBuilder().clearInput();
        node.getInputList().stream().filter(in -> !in.startsWith("^")).forEach(copy::addInput);
        pruned.addNode(copy);
      }
    }
    return pruned.build();
  }

  static Map<String, NodeDef> byName(GraphDef graph) {
    return graph.getNodeList().stream()
        .collect(Collectors.toMap(NodeDef::getName, Function.identity(), (a, b) -> a));
  }

  /** The node of an input reference such as {@code conv/Relu:0}. */
  static String nodeOf(String input) {
    int colon = input.lastIndexOf(':');
    return colon < 0 ? input : input.substring(0, colon);
  }
}
