package io.featureviz.optvis.cli;

import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.model.ModelInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "models", mixinStandardHelpOptions = true,
    description = "List the catalog's models, and any model paths given, and whether each can be"
        + " loaded here.")
final class ModelsCommand implements Callable<Integer> {

  @Mixin
  EngineFolders folders;

  @Option(names = "--json", description = "Print {\"models\": [...]} as one JSON line.")
  boolean json;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Model paths (.onnx, .tflite, folder, zip ...) to list after the catalog's.")
  List<String> paths = List.of();

  @Override
  public Integer call() {
    ModelCatalog catalog = folders.catalog();
    List<Map<String, Object>> models = new ArrayList<>();
    List<String> ids = new ArrayList<>(catalog.ids());
    ids.addAll(paths);
    for (String id : ids) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", id);
      try {
        ModelInfo info = catalog.load(id).info();
        entry.put("available", true);
        entry.putAll(describe(info));
      } catch (RuntimeException e) {
        entry.put("available", false);
        entry.put("error", e.getMessage());
      }
      models.add(entry);
    }
    if (json) {
      System.out.println(Json.line(Map.of("models", models)));
    } else {
      for (Map<String, Object> m : models) {
        System.out.println(Boolean.TRUE.equals(m.get("available"))
            ? String.format(Locale.ROOT, "%-14s %-12s input %4spx  %3s layers  %s classes",
                m.get("id"), m.get("format"), m.get("input_size"), m.get("layer_count"),
                m.get("classes"))
            : String.format(Locale.ROOT, "%-14s unavailable: %s", m.get("id"), m.get("error")));
      }
    }
    return 0;
  }

  static Map<String, Object> describe(ModelInfo info) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("format", info.format());
    entry.put("input_size", info.inputSize());
    entry.put("value_range", List.of(info.rangeMin(), info.rangeMax()));
    entry.put("layer_count", info.layers().size());
    entry.put("classes", info.labels().size());
    info.logitsLayer().ifPresent(logits -> entry.put("logits_layer", logits));
    entry.put("input", input(info));
    return entry;
  }

  /**
   * {@code {"size": N, "normalization": N}}, N being {@code {"mean": [...], "std": [...]}} or
   * {@code {"value_range": [min, max]}}, whichever the model takes.
   */
  private static Map<String, Object> input(ModelInfo info) {
    Map<String, Object> normalization = new LinkedHashMap<>();
    info.meanStd().ifPresentOrElse(m -> {
      normalization.put("mean", m.mean());
      normalization.put("std", m.std());
    }, () -> normalization.put("value_range", List.of(info.rangeMin(), info.rangeMax())));
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("size", info.inputSize());
    input.put("normalization", normalization);
    return input;
  }
}
