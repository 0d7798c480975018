package io.featureviz.optvis.cli;

import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "layers", mixinStandardHelpOptions = true,
    description = "List a model's layers: name, channels and spatial size at its input size.")
final class LayersCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "MODEL", description = "Catalog id or model path.")
  String model;

  @Mixin
  EngineFolders folders;

  @Option(names = "--json", description = "Print {model, ..., layers: [...]} as one JSON line.")
  boolean json;

  @Override
  public Integer call() {
    ModelInfo info = folders.catalog().load(model).info();
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("model", info.id());
      report.putAll(ModelsCommand.describe(info));
      report.put("layers", info.layers());
      report.put("labels", info.labels());
      System.out.println(Json.line(report));
    } else {
      for (LayerInfo layer : info.layers()) {
        System.out.println(String.format(Locale.ROOT, "%-40s %5d channels  %3dx%-3d",
            layer.name(), layer.channels(), layer.height(), layer.width()));
      }
    }
    return 0;
  }
}
