package io.featureviz.optvis.cli;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.objectives.ObjectiveChecks;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --model} and {@code --objective}, validated together against the model's catalog. */
final class ModelOptions {

  @Option(names = "--model", required = true, paramLabel = "ID|PATH",
      description = "Catalog id (mobilenet_v2, inception_v3) or a model path.")
  String model;

  @Option(names = "--objective", required = true, paramLabel = "SPEC",
      description = "Objective, e.g. mixed4:97, softmax:\"hot dog\", layer:mixed3 - 0.1*tv.")
  String objective;

  @Mixin
  EngineFolders folders;

  private ImageModel loaded;

  ImageModel model() {
    if (loaded == null) {
      loaded = folders.catalog().load(model);
    }
    return loaded;
  }

  /** Parses the objective and checks every layer, channel and class against the model. */
  ObjectiveSpec objective(int batch) {
    return ObjectiveChecks.requireValid(ObjectiveSpec.parse(objective), model().info(), batch);
  }
}
