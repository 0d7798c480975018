package io.featureviz.optvis.cli;

import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.examples.DatasetExample;
import io.featureviz.optvis.examples.DatasetExampleSearch;
import io.featureviz.optvis.examples.ExampleSearchListener;
import io.featureviz.optvis.examples.ScoredImage;
import io.featureviz.optvis.image.ImageSource;
import io.featureviz.optvis.image.PngEncoder;
import io.featureviz.optvis.model.ImageModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "examples", mixinStandardHelpOptions = true,
    description = "Dataset examples of one channel: the images that drive it hardest, each"
        + " cropped around its most active unit to the part of the image that unit depends on."
        + " Images are seen as by score: short side at the model's input size, centre square.")
final class ExamplesCommand implements Callable<Integer> {

  @Mixin
  ModelOptions models;

  @Spec
  CommandSpec command;

  @Parameters(arity = "1..*", paramLabel = "IMAGE_OR_DIR",
      description = "Image files, or folders whose image files (.jpg, .jpeg, .png, .bmp, .gif;"
          + " not in sub-folders) are all searched, in name order.")
  List<Path> inputs;

  @Option(names = "--top", defaultValue = "" + DatasetExamplesSpec.DEFAULT_TOP_K, paramLabel = "K",
      description = "Examples to keep, 1 to "
          + DatasetExamplesSpec.MAX_TOP_K + " (${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--crop-size", defaultValue = "128", paramLabel = "PX",
      description = "Side of each crop in pixels, " + DatasetExampleSearch.MIN_CROP_SIZE + " to "
          + DatasetExampleSearch.MAX_CROP_SIZE + " (${DEFAULT-VALUE}).")
  int cropSize;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write each crop as DIR/<rank>-<image name>.png.")
  Path out;

  @Option(names = "--json", description = "One JSON object per example: {rank, image,"
      + " max_activation, mean_activation, position, crop, source_size, crop_png}.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    OptionRanges.check(command, "--top", top, DatasetExamplesSpec.TOP_K);
    checked("--crop-size", () -> DatasetExampleSearch.checkCropSize(cropSize));
    List<ImageSource> images = ImageFiles.expand(inputs).stream().map(ImageSource::file).toList();
    ImageModel model = models.model();
    ObjectiveSpec objective = models.objective(1);
    List<DatasetExample> examples;
    try (DatasetExampleSearch search = new DatasetExampleSearch(model, objective, cropSize)) {
      examples = search.search(images, top, ExampleSearchListener.NONE).examples();
    }
    if (out != null) {
      Files.createDirectories(out);
    }
    for (DatasetExample example : examples) {
      Path png = out == null ? null : writeCrop(example);
      System.out.println(json ? Json.line(report(example, png, model, objective))
          : line(example, png));
    }
    return 0;
  }

  private Path writeCrop(DatasetExample example) throws IOException {
    String name = Path.of(example.scored().name()).getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path png = out.resolve(example.rank() + "-" + (dot > 0 ? name.substring(0, dot) : name)
        + ".png");
    Files.write(png, PngEncoder.encode(example.crop()));
    return png;
  }

  private static Map<String, Object> report(DatasetExample example, Path png, ImageModel model,
      ObjectiveSpec objective) {
    ScoredImage scored = example.scored();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("rank", example.rank());
    line.put("image", scored.name());
    line.put("max_activation", scored.maxActivation());
    line.put("mean_activation", scored.meanActivation());
    line.put("position", List.of(scored.positionX(), scored.positionY()));
    line.put("crop", List.of(example.box().x(), example.box().y(), example.box().width(),
        example.box().height()));
    line.put("source_size", List.of(scored.sourceWidth(), scored.sourceHeight()));
    if (png != null) {
      line.put("crop_png", png.toString());
    }
    line.put("model", model.info().id());
    line.put("objective", objective.toGrammar());
    return line;
  }

  private static String line(DatasetExample example, Path png) {
    String text = String.format(Locale.ROOT, "%d\t%s\t%.6g\t%d,%d %dx%d", example.rank(),
        example.scored().name(), example.scored().maxActivation(), example.box().x(),
        example.box().y(), example.box().width(), example.box().height());
    return png == null ? text : text + "\t" + png;
  }

  /** Runs an engine check, naming the option in its message. */
  private static <T> T checked(String option, Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }
}
