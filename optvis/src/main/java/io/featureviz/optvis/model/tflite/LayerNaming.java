package io.featureviz.optvis.model.tflite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Readable layer names from TFLite tensor names.
 *
 * <p>Converters name a fused op's output after everything fused into it, joined by ';', e.g.
 * {@code MobilenetV2/expanded_conv_3/expand/Relu6;MobilenetV2/expanded_conv_3/expand/add_fold;...}.
 * The first part names the layer; its last segment is dropped when it is just the name of the
 * TensorFlow op that computed it ({@code Relu6}, {@code add_fold}), and a model scope shared by
 * all layers ({@code MobilenetV2}) is dropped too: {@code expanded_conv_3/expand}.
 */
final class LayerNaming {

  static final String LOGITS = "logits";

  private static final Set<String> OP_SUFFIXES = Set.of(
      "Relu", "Relu6", "BiasAdd", "Conv2D", "Conv2D_Fold", "depthwise_Fold", "add_fold",
      "BatchNorm_Fold", "FusedBatchNorm", "FusedBatchNormV3", "Identity");

  private LayerNaming() {}

  /** Names for the given tensors, by tensor index, in the given order; the logits get LOGITS. */
  static Map<Integer, String> names(List<TfliteTensor> tensors, TfliteTensor logits) {
    List<TfliteTensor> layers =
        tensors.stream().filter(t -> logits == null || t.index() != logits.index()).toList();
    List<List<String>> paths = layers.stream().map(LayerNaming::path).toList();
    int scope = sharedScope(paths) ? 1 : 0;
    Set<String> used = new HashSet<>(Set.of(LOGITS));
    Map<Integer, String> names = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      TfliteTensor tensor = layers.get(i);
      List<String> path = paths.get(i);
      String name = sanitize(String.join("/", path.subList(scope, path.size())));
      if (name.isEmpty() || !used.add(name)) {
        name = (name.isEmpty() ? "tensor" : name) + "_" + tensor.index();
        used.add(name);
      }
      names.put(tensor.index(), name);
    }
    if (logits != null) {
      names.put(logits.index(), LOGITS);
    }
    return names;
  }

  private static List<String> path(TfliteTensor tensor) {
    String first = tensor.name().split(";", 2)[0];
    List<String> path = new ArrayList<>(
        Arrays.stream(first.split("/")).filter(s -> !s.isEmpty()).toList());
    if (path.size() > 1 && OP_SUFFIXES.contains(path.get(path.size() - 1))) {
      path.remove(path.size() - 1);
    }
    return path;
  }

  /** Whether every path has a first segment in common and more after it. */
  private static boolean sharedScope(List<List<String>> paths) {
    return !paths.isEmpty()
        && paths.stream().allMatch(p -> p.size() > 1 && p.get(0).equals(paths.get(0).get(0)));
  }

  /** Keeps names safe for objective specs: letters, digits, '_', '.', '/'. */
  private static String sanitize(String name) {
    return name.replaceAll("[^A-Za-z0-9_./]", "_");
  }
}
