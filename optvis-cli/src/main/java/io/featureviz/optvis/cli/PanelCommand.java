package io.featureviz.optvis.cli;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.contracts.render.RenderLimits;
import io.featureviz.optvis.image.ContactSheet;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.render.RenderResult;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.optvis.render.Renderer;
import io.featureviz.optvis.render.Snapshot;
import io.featureviz.optvis.transform.TransformList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "panel", mixinStandardHelpOptions = true,
    description = "Render the demo panel locally, without the stack: channels of inception_v3 mixed4 and"
        + " ImageNet classes of mobilenet_v2, as a labelled contact sheet.")
final class PanelCommand implements Callable<Integer> {

  /** One batch of the panel: a model and one objective per batch element. */
  record Panel(String model, List<String> objectives) {}

  static final List<Panel> PANEL = List.of(
      new Panel(ModelCatalog.INCEPTION_V3,
          List.of("mixed4:97", "mixed4:42", "mixed4:300", "mixed4:512")),
      new Panel(ModelCatalog.MOBILENET_V2,
          List.of("softmax:goldfish", "softmax:flamingo", "softmax:\"monarch butterfly\"",
              "softmax:strawberry")));

  @Mixin
  EngineFolders folders;

  @Spec
  CommandSpec command;

  @Option(names = "--out", defaultValue = "out", description = "Output folder (${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--size", defaultValue = "160", description = "Image side (${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--steps", defaultValue = "256", description = "Steps (${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    OptionRanges.check(command, "--steps", steps, RenderLimits.STEPS);
    ModelCatalog catalog = folders.catalog();
    // every model is loaded and its size checked before the first one renders
    List<ImageModel> models = PANEL.stream().map(panel -> catalog.load(panel.model())).toList();
    models.forEach(model -> OptionRanges.check(command, "--size", size,
        RenderLimits.size(model.info().inputSize())));
    Files.createDirectories(out);
    List<ContactSheet.Tile> tiles = new ArrayList<>();
    for (int p = 0; p < PANEL.size(); p++) {
      Panel panel = PANEL.get(p);
      ImageModel model = models.get(p);
      ObjectiveSpec objective = ObjectiveSpec.parse(String.join(";", panel.objectives()));
      RenderSpec spec = new RenderSpec(objective, size, panel.objectives().size(), steps,
          List.of(steps), 0, RenderDefaults.LEARNING_RATE, ImageParameterization.STANDARD,
          TransformList.STANDARD);
      RenderResult result;
      try (ProgressReporter progress = new ProgressReporter(panel.model(), steps, quiet)) {
        result = Renderer.render(model, spec, progress);
      }
      Snapshot last = result.snapshots().get(result.snapshots().size() - 1);
      for (int i = 0; i < panel.objectives().size(); i++) {
        String caption = panel.model() + " " + panel.objectives().get(i).replace("\"", "");
        Path file = out.resolve(RenderCommand.fileStem(panel.model(),
            panel.objectives().get(i), 0) + ".png");
        Files.write(file, last.images().get(i));
        tiles.add(new ContactSheet.Tile(String.format(Locale.ROOT, "%s (%.3g)", caption,
            last.objectiveValues()[i]), last.images().get(i)));
      }
    }
    Path sheet = out.resolve("demo.png");
    Files.write(sheet, ContactSheet.render(tiles, 4, size));
    System.out.println("wrote " + sheet.toAbsolutePath());
    return 0;
  }
}
