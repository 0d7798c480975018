package io.featureviz.optvis.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Where a render step's time beyond the network's goes, by the kernel that spends it: each
 * kernel type's traced time in render steps less its time in the network's own passes. The
 * network's ops run in both and cancel, up to the noise; what remains is the parameterization,
 * transforms, objective and Adam, named by what they run (IRFFT2D, ImageProjectiveTransformV3,
 * ResourceApplyAdam, ...), whatever the graph's names for them.
 */
public final class OverheadByOp {

  /** What a breakdown lists by name; smaller kernels of the render alone are summed as this. */
  static final double LISTED_MS = 0.01;
  static final String OTHER = "other";
  /** The render steps' time less the network passes' in the kernels that both run. */
  static final String SHARED = "shared";

  /** The executed kernel's type in a node's timeline label: "[alloc] name = Type(inputs)". */
  private static final Pattern TYPE = Pattern.compile(" = ([A-Za-z0-9_>]+)\\(");

  private OverheadByOp() {}

  /**
   * Milliseconds per step: each kernel type that only the render steps run (largest first), then
   * {@link #OTHER} for those under {@link #LISTED_MS}, then {@link #SHARED}: the render's nodes
   * of a type, or a name, that the network passes run too (the network's own, mostly, some
   * under another kernel's name), less the network passes' time. Together, the render steps'
   * traced time less the network passes'.
   */
  static Map<String, Double> between(List<RunMetadata> render, List<RunMetadata> network) {
    Set<String> networkTypes = new HashSet<>();
    Set<String> networkNames = new HashSet<>();
    nodes(network).forEach(node -> {
      networkTypes.add(type(node));
      networkNames.add(node.getNodeName());
    });
    Map<String, Double> renderMs = perStepMs(render, node ->
        networkTypes.contains(type(node)) || networkNames.contains(node.getNodeName())
            ? SHARED : type(node));
    double networkMs = perStepMs(network, node -> SHARED).getOrDefault(SHARED, 0.0);
    Map<String, Double> breakdown = new LinkedHashMap<>();
    renderMs.entrySet().stream()
        .filter(entry -> !entry.getKey().equals(SHARED) && entry.getValue() >= LISTED_MS)
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .forEach(entry -> breakdown.put(entry.getKey(), round(entry.getValue())));
    double other = renderMs.entrySet().stream()
        .filter(entry -> !entry.getKey().equals(SHARED) && entry.getValue() < LISTED_MS)
        .mapToDouble(Map.Entry::getValue).sum();
    breakdown.put(OTHER, round(other));
    breakdown.put(SHARED, round(renderMs.getOrDefault(SHARED, 0.0) - networkMs));
    return breakdown;
  }

  /** The traced time per run of the nodes in each class, in milliseconds. */
  static Map<String, Double> perStepMs(List<RunMetadata> traces,
      Function<NodeExecStats, String> classOf) {
    Map<String, Double> ms = new HashMap<>();
    nodes(traces).forEach(node -> ms.merge(classOf.apply(node),
        node.getAllEndRelMicros() / 1000.0 / traces.size(), Double::sum));
    return ms;
  }

  private static Stream<NodeExecStats> nodes(List<RunMetadata> traces) {
    return traces.stream()
        .flatMap(trace -> trace.getStepStats().getDevStatsList().stream())
        .flatMap(device -> device.getNodeStatsList().stream());
  }

  /** The kernel's type; the node's name where the label has none. */
  static String type(NodeExecStats node) {
    Matcher matcher = TYPE.matcher(node.getTimelineLabel());
    return matcher.find() ? matcher.group(1) : node.getNodeName();
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
