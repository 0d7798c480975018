package io.featureviz.optvis.model.onnx;

import io.featureviz.contracts.objective.ObjectiveParser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Layer names for exposed ONNX tensors: the tensor's name verbatim
 * ({@code /expanded_conv_9/Add_output_0}), and the producing node's name as an alias where it
 * names one exposed tensor and no other layer ({@code /expanded_conv_9/Add}); the logits are also
 * {@code logits}.
 *
 * <p>A name holding characters objectives cannot spell is exposed as {@link
 * ObjectiveParser#layerNameFor} spells it (torchvision's RegNet module
 * {@code /trunk_output/block1/block1-0} becomes {@code .../block1_0}). A name that cannot be spelt at all, such as torch's numbered
 * {@code 1122}, is not exposed: that tensor is a layer only by its node's alias, or not at all.
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
    Set<String> tensorNames = new HashSet<>();
    tensors.forEach(t -> ObjectiveParser.layerNameFor(t).ifPresent(tensorNames::add));
    Map<String, Integer> nodeUses = new HashMap<>();
    tensors.forEach(t -> nodeUses.merge(producers.get(t).name(), 1, Integer::sum));
    Map<String, String> names = new LinkedHashMap<>();
    for (String tensor : tensors) {
      ObjectiveParser.layerNameFor(tensor).ifPresent(name -> names.putIfAbsent(name, tensor));
      String node = producers.get(tensor).name();
      Optional<String> alias = nodeUses.get(node) == 1
          ? ObjectiveParser.layerNameFor(node) : Optional.empty();
      alias.filter(name -> !tensorNames.contains(name))
          .ifPresent(name -> names.putIfAbsent(name, tensor));
    }
    if (logits != null) {
      names.putIfAbsent(LOGITS, logits);
    }
    return names;
  }
}
