package io.featureviz.optvis.cli;

import io.featureviz.contracts.explain.ExplainLimits;
import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.optvis.attribution.AttributionBenchmark;
import io.featureviz.optvis.attribution.AttributionBenchmark.Deletion;
import io.featureviz.optvis.attribution.AttributionBenchmark.Timing;
import io.featureviz.optvis.attribution.ExplainOptions;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.RgbImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain-bench", mixinStandardHelpOptions = true,
    description = "The attribution benchmark at one layer: faithfulness by deletion (zeroing the"
        + " channels of highest attribution vs random channels, averaged over the images) and"
        + " the time of one explanation against one forward and backward pass.")
final class ExplainBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Option(names = "--model", required = true, paramLabel = "ID|PATH",
      description = "Catalog id or model path of a classifier.")
  String model;

  @Option(names = "--layer", required = true, description = "The layer explained.")
  String layer;

  @Option(names = "--deleted", defaultValue = "5", paramLabel = "N",
      description = "Channels zeroed (${DEFAULT-VALUE}).")
  int deleted;

  @Option(names = "--draws", defaultValue = "20", paramLabel = "N",
      description = "Random draws of as many channels, averaged (${DEFAULT-VALUE}).")
  int draws;

  @Option(names = "--groups", defaultValue = "0", paramLabel = "N",
      description = "Neuron groups in the timed explanation (${DEFAULT-VALUE}).")
  int groups;

  @Option(names = "--repeats", defaultValue = "5", paramLabel = "N",
      description = "Timed runs; the median is printed (${DEFAULT-VALUE}).")
  int repeats;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files or folders.")
  List<Path> images;

  @Mixin
  EngineFolders folders;

  @Override
  public Integer call() throws IOException {
    OptionRanges.check(command, "--groups", groups, ExplainLimits.GROUPS);
    List<Path> files = ImageFiles.expand(images);
    try (AttributionBenchmark bench =
        new AttributionBenchmark(folders.catalog().load(model), layer)) {
      double top = 0;
      double random = 0;
      for (Path file : files) {
        Deletion deletion = bench.deletion(ImageLoader.load(file), deleted, draws, 0);
        System.out.printf(Locale.ROOT, "%s: logit %.3f, drop with the top %d channels zeroed"
            + " %.3f, with %d random ones %.3f%n", file.getFileName(), deletion.logit(), deleted,
            deletion.topDrop(), deleted, deletion.randomDrop());
        top += deletion.topDrop() / files.size();
        random += deletion.randomDrop() / files.size();
      }
      System.out.printf(Locale.ROOT, "deletion at %s over %d images: top-%d drop %.3f, random"
          + " drop %.3f (mean of %d draws)%n", layer, files.size(), deleted, top, random, draws);
      RgbImage first = ImageLoader.load(files.get(0));
      for (ExplainMethod method : ExplainMethod.values()) {
        Timing timing = bench.timing(first, new ExplainOptions(null, method,
            ExplainLimits.DEFAULT_IG_STEPS, groups, null, 0), repeats);
        System.out.printf(Locale.ROOT, "time of one explain (%s, %d groups): %.1f ms; one"
            + " forward+backward pass: %.1f ms (x%.1f)%n", method.wireName(), groups,
            1000 * timing.explainSeconds(), 1000 * timing.passSeconds(),
            timing.explainSeconds() / timing.passSeconds());
      }
    }
    return 0;
  }
}
