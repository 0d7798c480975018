package io.featureviz.optvis.cli;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.objectives.ObjectiveChecks;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --model} and {@code --objective}, validated together against the model's catalog. */
final class ModelOptions {

  @Option(names = "--model", required = true, paramLabel = "ID|PATH",
      description = "Catalog id (mobilenet_v2, inception_v3) or a model path.")
  String model;

  /** Required by {@link #objective(int)}: render may take {@code --interpolate} instead. */
  @Option(names = "--objective", paramLabel = "SPEC",
      description = "Objective, e.g. mixed4:97, softmax:\"hot dog\", layer:mixed3 - 0.1*tv.")
  String objective;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Mixin
  EngineFolders folders;

  private ImageModel loaded;

  /** Starts loading TensorFlow in the background, for a command that will run the model. */
  void startLoadingNatives() {
    folders.startLoadingNatives();
  }

  ImageModel model() {
    if (loaded == null) {
      loaded = folders.catalog().load(model);
    }
    return loaded;
  }

  /** Parses the objective and checks every layer, channel and class against the model. */
  ObjectiveSpec objective(int batch) {
    if (objective == null) {
      throw new ParameterException(command.commandLine(),
          "Missing required option: '--objective=SPEC'");
    }
    return ObjectiveChecks.requireValid(ObjectiveSpec.parse(objective), model().info(), batch);
  }
}
