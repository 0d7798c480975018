package io.featureviz.optvis.cli;

import io.featureviz.optvis.classify.ClassScore;
import io.featureviz.optvis.classify.Classifier;
import io.featureviz.optvis.image.ImageLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "The model's most probable classes for images, resized and centre-cropped to"
        + " its input size as `score` sees them: the first check of an imported model.")
final class ClassifyCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "ID|PATH",
      description = "Catalog id (mobilenet_v2, inception_v3) or a model path.")
  String model;

  @Option(names = "--top", defaultValue = "5", paramLabel = "K",
      description = "How many classes per image. Default: ${DEFAULT-VALUE}.")
  int top;

  @Option(names = "--json",
      description = "One JSON object per image: {image, top: [{index, label, probability}]}.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files or folders.")
  List<Path> images;

  @Mixin
  EngineFolders folders;

  @Override
  public Integer call() throws IOException {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1, not " + top);
    }
    List<Path> files = ImageFiles.expand(images);
    try (Classifier classifier = new Classifier(folders.catalog().load(model))) {
      for (Path image : files) {
        List<ClassScore> classes =
            classifier.top(ImageLoader.loadSquare(image, classifier.size()), top);
        System.out.println(json ? jsonLine(image, classes) : textLine(image, classes));
      }
    }
    return 0;
  }

  private static String jsonLine(Path image, List<ClassScore> classes) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("image", image.toString());
    line.put("top", classes);
    return Json.line(line);
  }

  private static String textLine(Path image, List<ClassScore> classes) {
    return image + "\t" + classes.stream()
        .map(c -> String.format(Locale.ROOT, "%s (%d) %.4f", c.label(), c.index(), c.probability()))
        .collect(Collectors.joining(" | "));
  }
}
