package io.featureviz.optvis.cli;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.objectives.ObjectiveScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Evaluate an objective on images, resized and centre-cropped to the model's"
        + " input size, without random transforms.")
final class ScoreCommand implements Callable<Integer> {

  @Mixin
  ModelOptions models;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "PNG, JPEG or BMP files.")
  List<Path> images;

  @Option(names = "--json", description = "One JSON object per image: {image, value}.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    ImageModel model = models.model();
    ObjectiveSpec objective = models.objective(1);
    int size = model.info().inputSize();
    try (ObjectiveScorer scorer = new ObjectiveScorer(model, objective, size)) {
      for (Path image : images) {
        float value = scorer.score(ImageLoader.loadSquare(image, size));
        if (json) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("image", image.toString());
          line.put("value", value);
          line.put("model", model.info().id());
          line.put("objective", objective.toGrammar());
          System.out.println(Json.line(line));
        } else {
          System.out.println(String.format(Locale.ROOT, "%s\t%.6g", image, value));
        }
      }
    }
    return 0;
  }
}
