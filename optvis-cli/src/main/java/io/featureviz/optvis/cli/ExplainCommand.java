package io.featureviz.optvis.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import io.featureviz.contracts.explain.ExplainLimits;
import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.explain.Explanation.ChannelAttribution;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.objective.ClassRef;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.contracts.render.RenderLimits;
import io.featureviz.optvis.attribution.ExplainOptions;
import io.featureviz.optvis.attribution.ExplainResult;
import io.featureviz.optvis.attribution.Explainer;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.PngEncoder;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelInfo;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Which channels of a layer make a classifier see a class in an image: channel"
        + " and spatial attribution (heatmap.png), the semantic dictionary, neuron groups"
        + " (group-N-map.png) and their feature visualizations (group-N.png).")
final class ExplainCommand implements Callable<Integer> {

  /** The group visualizations' side when none is given: small, as channel pictures are. */
  static final int DEFAULT_GROUP_SIZE = 128;
  /** Channels listed per line in the readable summary. */
  private static final int SUMMARY_CHANNELS = 8;

  @Spec
  CommandSpec command;

  @Option(names = "--model", required = true, paramLabel = "ID|PATH",
      description = "Catalog id (mobilenet_v2, inception_v3) or a model path; a classifier.")
  String model;

  @Option(names = "--layer", required = true, paramLabel = "LAYER",
      description = "A layer with a spatial grid of channels, e.g. expanded_conv_12/add.")
  String layer;

  @Option(names = "--class", paramLabel = "K|LABEL",
      description = "The class to explain, by index or label (default: the top-1).")
  String classRef;

  @Option(names = "--method", defaultValue = "grad", paramLabel = "grad|ig",
      description = "Gradient x activation, or integrated gradients from a black image"
          + " (${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--ig-steps", defaultValue = "" + ExplainLimits.DEFAULT_IG_STEPS,
      paramLabel = "N", description = "Integrated gradients' steps (${DEFAULT-VALUE}).")
  int igSteps;

  @Option(names = "--groups", defaultValue = "" + ExplainLimits.DEFAULT_GROUPS, paramLabel = "N",
      description = "Neuron groups; 0 for none (${DEFAULT-VALUE}).")
  int groups;

  @Option(names = "--size", defaultValue = "" + DEFAULT_GROUP_SIZE, paramLabel = "N",
      description = "Side of the groups' visualizations in pixels (${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--steps", defaultValue = "" + ExplainLimits.GROUP_RENDER_STEPS,
      paramLabel = "N", description = "Optimization steps of the groups' visualizations"
          + " (${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--seed", defaultValue = "" + RenderDefaults.SEED,
      description = "Seed of the factorization and the visualizations (${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", defaultValue = "out/explain",
      description = "Output folder (${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "Print the explanation as one JSON object on stdout.")
  boolean json;

  @Option(names = "--quiet", description = "No progress bar for the visualizations.")
  boolean quiet;

  @Parameters(arity = "1", paramLabel = "IMAGE", description = "The image file to explain.")
  Path image;

  @Mixin
  EngineFolders folders;

  @Override
  public Integer call() throws IOException {
    ExplainMethod explainMethod = checkedOptions();
    ImageModel loaded = folders.catalog().load(model);
    ModelInfo info = loaded.info();
    OptionRanges.check(command, "--size", size, RenderLimits.size(info.inputSize()));
    Integer classIndex = classIndex(info);
    RgbImage picture = ImageLoader.load(image);
    ExplainResult result;
    try (Explainer explainer = new Explainer(loaded, layer)) {
      result = explainer.explain(image.getFileName().toString(), picture,
          new ExplainOptions(classIndex, explainMethod, igSteps, groups, null, seed));
    }
    Files.createDirectories(out);
    List<String> files = new ArrayList<>();
    files.add(write("heatmap.png", result.heatmap()));
    List<List<String>> groupFiles = new ArrayList<>();
    for (int g = 0; g < result.groupMaps().size(); g++) {
      groupFiles.add(new ArrayList<>(List.of(write("group-" + g + "-map.png",
          result.groupMaps().get(g)))));
    }
    if (result.groupVisualizations().isPresent()) {
      List<String> visualizations = renderGroups(loaded, result.groupVisualizations().get());
      for (int g = 0; g < visualizations.size(); g++) {
        groupFiles.get(g).add(visualizations.get(g));
      }
    }
    groupFiles.forEach(files::addAll);
    System.out.println(json ? jsonReport(result.explanation(), files, groupFiles)
        : summary(result.explanation(), files));
    return 0;
  }

  /** Every check that needs no model, so bad options exit 2 before anything heavy loads. */
  private ExplainMethod checkedOptions() {
    ExplainMethod chosen = ExplainMethod.of(method).orElseThrow(() -> new ParameterException(
        command.commandLine(), "--method must be one of " + ExplainMethod.NAMES + ", not '"
            + method + "'"));
    OptionRanges.check(command, "--ig-steps", igSteps, ExplainLimits.IG_STEPS);
    OptionRanges.check(command, "--groups", groups, ExplainLimits.GROUPS);
    OptionRanges.check(command, "--steps", steps, RenderLimits.STEPS);
    OptionRanges.check(command, "--seed", seed, RenderLimits.SEED);
    if (!Files.isRegularFile(image)) {
      throw new ParameterException(command.commandLine(), "no such image file: " + image);
    }
    return chosen;
  }

  /** The class asked for as an index, or null for the top-1. */
  private Integer classIndex(ModelInfo info) {
    if (classRef == null) {
      return null;
    }
    ClassRef ref = classRef.matches("\\d+") ? ClassRef.index(Integer.parseInt(classRef))
        : ClassRef.label(classRef);
    if (ref instanceof ClassRef.Index index) {
      // Out of range is the explainer's to say, against the model's classes.
      return index.value();
    }
    return ref.indexIn(info.labels()).orElseThrow(() -> new IllegalArgumentException("--class '"
        + classRef + "' is no label of model " + info.id()));
  }

  private List<String> renderGroups(ImageModel loaded, ObjectiveSpec objective) {
    int count = objective.perBatch().size();
    RenderSpec spec = new RenderSpec(objective, size, count, steps, List.of(steps), seed,
        RenderDefaults.LEARNING_RATE, ImageParameterization.of(RenderDefaults.PARAM,
            RenderDefaults.DECORRELATE, RenderDefaults.CLIP, RenderDefaults.DECAY_POWER),
        TransformList.parse(RenderDefaults.TRANSFORMS));
    List<String> files = new ArrayList<>();
    RenderResult result;
    try (ProgressReporter progress = new ProgressReporter(loaded.info().id(), steps,
        quiet || json)) {
      result = Renderer.render(loaded, spec, progress);
    }
    Snapshot last = result.snapshots().get(result.snapshots().size() - 1);
    for (int g = 0; g < last.images().size(); g++) {
      files.add(writeBytes("group-" + g + ".png", last.images().get(g)));
    }
    return files;
  }

  private String write(String name, RgbImage picture) {
    return writeBytes(name, PngEncoder.encode(picture));
  }

  private String writeBytes(String name, byte[] png) {
    Path file = out.resolve(name);
    try {
      Files.write(file, png);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file, e);
    }
    return file.toString();
  }

  private String jsonReport(Explanation explanation, List<String> files,
      List<List<String>> groupFiles) {
    Map<String, Object> report = Messages.mapper().convertValue(explanation,
        new TypeReference<LinkedHashMap<String, Object>>() {});
    report.put("image", image.toString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> groupsJson = (List<Map<String, Object>>) report.get("groups");
    for (int g = 0; g < groupsJson.size(); g++) {
      groupsJson.get(g).put("files", groupFiles.get(g));
    }
    report.put("files", files);
    return Json.line(report);
  }

  private static String summary(Explanation explanation, List<String> files) {
    StringBuilder text = new StringBuilder();
    Explanation.ClassScore explained = explanation.explained();
    text.append(String.format(Locale.ROOT, "%s at %s: class %s (%d), p %.4f, logit %.3f%n",
        explanation.image(), explanation.layer(), explained.label(), explained.index(),
        explained.probability(), explained.logit()));
    text.append("method ").append(explanation.method().wireName());
    if (explanation.completeness() != null) {
      text.append(String.format(Locale.ROOT, ", attributions sum %.3f of %.3f (gap %.2f %%)",
          explanation.completeness().sum(), explanation.completeness().expected(),
          100 * explanation.completeness().gap()));
    }
    text.append(System.lineSeparator()).append("top channels: ").append(explanation.channels()
        .stream().limit(SUMMARY_CHANNELS).map(ExplainCommand::channel)
        .collect(Collectors.joining(", "))).append(System.lineSeparator());
    for (Explanation.NeuronGroup group : explanation.groups()) {
      text.append(String.format(Locale.ROOT, "group %d: attribution %.3f, channels %s%n",
          group.index(), group.attribution(), group.channels()));
    }
    files.forEach(file -> text.append(file).append(System.lineSeparator()));
    return text.toString().stripTrailing();
  }

  private static String channel(ChannelAttribution channel) {
    return String.format(Locale.ROOT, "%d (%.3f)", channel.channel(), channel.attribution());
  }
}
