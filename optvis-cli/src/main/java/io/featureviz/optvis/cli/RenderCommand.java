package io.featureviz.optvis.cli;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.objectives.ObjectiveChecks;
import io.featureviz.optvis.render.RenderListener;
import io.featureviz.optvis.render.RenderResult;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.optvis.render.Renderer;
import io.featureviz.optvis.render.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Optimize an image that maximizes an objective; write a PNG per threshold"
        + " (with --interpolate also each final frame and the strip "
        + RenderCommand.INTERPOLATION_STRIP + ").")
final class RenderCommand implements Callable<Integer> {

  /** The final frames of {@code --interpolate} side by side, in the output folder. */
  static final String INTERPOLATION_STRIP = "interpolation.png";

  @Mixin
  ModelOptions models;

  @Mixin
  EngineOptions engine;

  @Mixin
  InterpolationOptions interpolate;

  @Option(names = "--out", defaultValue = "out", description = "Output folder (${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
  boolean json;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    models.startLoadingNatives();
    engine.checkRanges();
    InterpolationSpec interpolation = interpolate.interpolation();
    ImageModel model = models.model();
    ObjectiveSpec objective = interpolation == null ? models.objective(engine.batch)
        : ObjectiveChecks.requireValid(interpolation.objective(), model.info(),
            interpolation.frames());
    RenderSpec spec = interpolation == null ? engine.spec(objective, model.info().inputSize())
        : engine.spec(interpolation, model.info().inputSize());
    Files.createDirectories(out);
    String prefix = fileStem(model.info().id(), interpolation == null ? objective.toGrammar()
        : "interpolate " + interpolation.from() + " to " + interpolation.to(), spec.seed());
    Map<String, Double> values = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    RenderResult result;
    // Seconds from the JVM's start to the end of the first step: the cold start a user waits.
    double[] firstStepSeconds = {Double.NaN};
    try (ProgressReporter progress = new ProgressReporter(model.info().id(), spec.steps(), quiet)) {
      result = Renderer.render(model, spec, new RenderListener() {
        @Override
        public void onStep(int stepsDone, float[] objectiveValues) {
          if (stepsDone == 1) {
            firstStepSeconds[0] = (System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
          }
          progress.onStep(stepsDone, objectiveValues);
        }

        private void write(String name, byte[] png) {
          Path file = out.resolve(name);
          try {
            Files.write(file, png);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
          }
          files.add(file.toString());
        }

        @Override
        public void onSnapshot(Snapshot snapshot) {
          write(String.format(Locale.ROOT, "%s_step%05d.png", prefix, snapshot.step()),
              snapshot.grid());
          if (interpolation != null && snapshot.isFinal()) {
            // Each frame on its own, and the strip (the final grid) under a name to look for.
            for (int i = 0; i < snapshot.images().size(); i++) {
              write(String.format(Locale.ROOT, "%s_frame%02d.png", prefix, i),
                  snapshot.images().get(i));
            }
            write(INTERPOLATION_STRIP, snapshot.grid());
          }
          values.put(Integer.toString(snapshot.step()), snapshot.meanObjective());
        }
      });
    }
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("model", model.info().id());
      report.put("objective", objective.toGrammar());
      report.put("size", spec.size());
      report.put("batch", spec.batch());
      if (interpolation != null) {
        Map<String, Object> ends = new LinkedHashMap<>();
        ends.put("from", interpolation.from());
        ends.put("to", interpolation.to());
        ends.put("frames", interpolation.frames());
        report.put("interpolate", ends);
      }
      report.put("steps", spec.steps());
      report.put("seed", spec.seed());
      report.put("lr", spec.learningRate());
      report.put("param", spec.param().spatial().name());
      report.put("decorrelate", spec.param().decorrelate());
      report.put("transforms", spec.transforms().describe());
      report.put("seconds", result.seconds());
      report.put("steps_per_second", result.stepsPerSecond());
      report.put("first_step_seconds", firstStepSeconds[0]);
      report.put("objective_values", values);
      report.put("objective_values_per_image", perImage(result));
      report.put("files", files);
      System.out.println(Json.line(report));
    } else {
      files.forEach(System.out::println);
    }
    return 0;
  }

  private static Map<String, float[]> perImage(RenderResult result) {
    Map<String, float[]> perImage = new LinkedHashMap<>();
    result.snapshots().forEach(s -> perImage.put(Integer.toString(s.step()), s.objectiveValues()));
    return perImage;
  }

  /** A file name that says what was rendered: model, objective and seed. */
  static String fileStem(String model, String objective, long seed) {
    String slug = objective.replaceAll("[^A-Za-z0-9.]+", "_").replaceAll("^_+|_+$", "");
    if (slug.length() > 80) {
      slug = slug.substring(0, 80) + "_" + Integer.toHexString(objective.hashCode());
    }
    return model + "_" + slug + "_seed" + seed;
  }
}
