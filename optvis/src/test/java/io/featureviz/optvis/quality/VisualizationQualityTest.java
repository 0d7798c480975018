package io.featureviz.optvis.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.objectives.ObjectiveScorer;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.param.PixelParam;
import io.featureviz.optvis.param.RgbConstraint;
import io.featureviz.optvis.render.RenderListener;
import io.featureviz.optvis.render.RenderResult;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.optvis.render.Renderer;
import io.featureviz.optvis.render.Snapshot;
import io.featureviz.optvis.testing.SharedFiles;
import io.featureviz.optvis.transform.TransformList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The method works: for six channels of a middle layer of each model, a 256-step render at the
 * model's input size, saved as PNG and scored like a photo (no transforms), drives the channel at
 * least 1.5 times harder than the best of the shared photos.
 *
 * <p>With {@code -Dfv.quality.naive=true} it also renders with the naive method (pixel basis,
 * RGB, no transforms) and prints both ratios; that comparison is a report, not a requirement.
 */
class VisualizationQualityTest {

  private static final int STEPS = 256;
  private static final double REQUIRED_RATIO = 1.5;
  private static final Path OUT = Path.of("target", "quality");

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ';', value = {
      "mobilenet_v2;expanded_conv_9/project;3,11,20,33,47,58",
      "inception_v3;mixed4;97,4,188,301,455,690"})
  void rendersBeatTheBestPhotoOnTheirOwnChannel(String modelId, String layer, String channels)
      throws IOException {
    ImageModel model = SharedFiles.catalog().load(modelId);
    List<String> objectives = List.of(channels.split(",")).stream()
        .map(c -> layer + ":" + c).toList();
    List<Double> standard = ratios(model, objectives, ImageParameterization.STANDARD,
        TransformList.STANDARD, "standard");
    String report = modelId + " " + layer + " standard " + format(standard);
    if (Boolean.getBoolean("fv.quality.naive")) {
      List<Double> naive = ratios(model, objectives,
          new ImageParameterization(PixelParam.DEFAULT, false, RgbConstraint.SIGMOID),
          TransformList.NONE, "naive");
      report += " | naive " + format(naive);
    }
    System.out.println("QUALITY " + report);
    Files.writeString(OUT.resolve(modelId + ".txt"), report + "\n");
    for (int i = 0; i < objectives.size(); i++) {
      assertTrue(standard.get(i) >= REQUIRED_RATIO,
          objectives.get(i) + ": render/best photo = " + standard.get(i) + "; " + report);
    }
  }

  /** Renders one batch element per objective and returns render score / best photo score. */
  private static List<Double> ratios(ImageModel model, List<String> objectives,
      ImageParameterization param, TransformList transforms, String name) throws IOException {
    int size = model.info().inputSize();
    RenderSpec spec = new RenderSpec(ObjectiveSpec.parse(String.join(";", objectives)), size,
        objectives.size(), STEPS, List.of(STEPS), 0, RenderDefaults.LEARNING_RATE, param,
        transforms);
    RenderResult result = Renderer.render(model, spec, RenderListener.NONE);
    Snapshot last = result.snapshots().get(result.snapshots().size() - 1);
    Files.createDirectories(OUT);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      String stem = model.info().id() + "_" + name + "_" + objectives.get(i).replaceAll("\\W", "_");
      Path png = Files.write(OUT.resolve(stem + ".png"), last.images().get(i));
      try (ObjectiveScorer scorer =
          new ObjectiveScorer(model, ObjectiveSpec.parse(objectives.get(i)), size)) {
        double rendered = scorer.score(ImageLoader.loadSquare(png, size));
        double bestPhoto = Double.NEGATIVE_INFINITY;
        for (Path photo : SharedFiles.photos()) {
          bestPhoto = Math.max(bestPhoto, scorer.score(ImageLoader.loadSquare(photo, size)));
        }
        ratios.add(rendered / Math.max(bestPhoto, 1e-9));
      }
    }
    return ratios;
  }

  private static String format(List<Double> ratios) {
    return ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r))
        .collect(Collectors.joining(" ", "[", "]"));
  }
}
