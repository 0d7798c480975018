package io.featureviz.optvis.model.onnx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layer names for exposed ONNX tensors. Objective names start with a letter or '_' and hold
 * letters, digits, '_', '.' and '/', so the exporter's leading '/' is dropped and other characters
 * become '_': {@code /expanded_conv_9/Add_output_0} is {@code expanded_conv_9/Add_output_0}. The
 * producing node's name is an alias where it names one exposed tensor and no other layer
 * ({@code expanded_conv_9/Add}); the logits are also {@code logits}.
 */
final class LayerNames {

  static final String LOGITS = "logits";

  private LayerNames() {}

  /**
   * Every layer name with the ONNX tensor it exposes, tensors in the given order.
   *
   * @param producers the node computing each tensor
   */
  static Map<String, String> of(List<String> tensors, Map<String, OnnxNode> producers,
      String logits) {
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (String tensor : tensors) {
      taken.add(unique(sanitize(tensor), taken));
    }
    Map<String, Integer> nodeUses = new HashMap<>();
    tensors.forEach(t -> nodeUses.merge(producers.get(t).name(), 1, Integer::sum));
    Set<String> used = new HashSet<>();
    for (String tensor : tensors) {
      String name = unique(sanitize(tensor), used);
      used.add(name);
      names.put(name, tensor);
      String node = producers.get(tensor).name();
      String alias = sanitize(node);
      if (!node.isEmpty() && nodeUses.get(node) == 1 && !taken.contains(alias)
          && used.add(alias)) {
        names.put(alias, tensor);
      }
    }
    if (logits != null && used.add(LOGITS)) {
      names.put(LOGITS, logits);
    }
    return names;
  }

  private static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int i = 2; used.contains(candidate); i++) {
      candidate = name + "_" + i;
    }
    return candidate;
  }

  static String sanitize(String onnxName) {
    String name = onnxName.replaceAll("[^A-Za-z0-9_./]", "_").replaceAll("^/+", "");
    return name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_'
        ? "_" + name : name;
  }
}
