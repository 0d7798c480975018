package io.featureviz.api.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.api.datasets.DatasetRow;
import io.featureviz.api.datasets.DatasetService;
import io.featureviz.api.jobs.JobSubmissionReader;
import io.featureviz.api.jobs.ObjectiveChecks;
import io.featureviz.api.jobs.RenderMemoryBudget;
import io.featureviz.api.jobs.RenderSettings;
import io.featureviz.api.jobs.SubmissionFields;
import io.featureviz.api.models.ModelCatalog;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.objective.Channel;
import io.featureviz.contracts.objective.LayerShape;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.objective.ObjectiveValidator;
import io.featureviz.contracts.render.ChannelRanges;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.contracts.render.RenderMemory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a {@code POST /v1/sweeps} body into a {@link SweepSubmission}, or fails with every
 * invalid field at once (400; 409 for a model not READY, as for jobs). The render settings are
 * read and bounded as a render job's ({@link RenderSettings}); {@code layers} is a list of layer
 * names or {@code "all"} (every layer whose channels can be rendered); {@code channels} ranges
 * such as {@code "0-63,100"}, which must exist in every named layer and are clipped to each
 * layer's channels for {@code "all"}; {@code examples} is {@code {dataset, top_k}} as a
 * dataset-examples job takes them.
 */
@ApplicationScoped
class SweepSubmissionReader {

  static final String ALL_LAYERS = "all";
  private static final Set<String> FIELDS = Set.copyOf(Stream.of(
      List.of("model", "layers", "channels", "examples"), RenderSettings.FIELDS)
      .flatMap(List::stream).toList());

  private final ModelCatalog catalog;
  private final DatasetService datasets;
  private final RenderMemoryBudget memory;
  private final SweepsConfig config;

  SweepSubmissionReader(ModelCatalog catalog, DatasetService datasets, RenderMemoryBudget memory,
      SweepsConfig config) {
    this.catalog = catalog;
    this.datasets = datasets;
    this.memory = memory;
    this.config = config;
  }

  SweepSubmission read(JsonNode body, String tenant) throws SQLException {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalidParameter("body", "must be a JSON object");
    }
    SubmissionFields fields = new SubmissionFields(body);
    fields.rejectUnknown(FIELDS);
    Optional<ModelDescription> model = model(fields, tenant);
    Optional<List<String>> names = layerNames(fields);
    Optional<ChannelRanges> ranges = ranges(fields);
    RenderSettings settings = RenderSettings.read(fields, model, RenderDefaults.STEPS);
    Optional<SweepSubmission.Examples> examples = examples(fields, tenant);
    List<SweepSubmission.LayerChannels> layers = List.of();
    if (model.isPresent() && fields.isValid("layers") && fields.isValid("channels")) {
      layers = names.map(n -> named(fields, model.get(), n, ranges))
          .orElseGet(() -> all(model.get(), ranges));
      count(fields, model.get(), layers);
      if (examples.isPresent() && names.isPresent()) {
        layers.stream().filter(l -> !l.searchable()).forEach(l -> fields.error("examples",
            "layer " + l.layer() + " has no positions to crop dataset images around;"
                + " leave out examples or this layer"));
      }
    }
    int shardImages = 0;
    if (model.isPresent() && fields.isValid("size")) {
      shardImages = memory.largestBatch(model.get().id(), settings.size(), config.shardImages());
      if (shardImages == 0) {
        fields.error("size", "size " + settings.size() + " on " + model.get().id() + " needs about "
            + RenderMemory.mebibytes(RenderMemory.estimateBytes(model.get().id(),
                settings.size(), 1))
            + " MiB of worker memory for one image, over the workers' budget"
            + " (fv.limits.render-memory): lower size");
      }
    }
    fields.throwIfInvalid();
    return new SweepSubmission(tenant, model.get(), layers, names.isEmpty(),
        ranges.map(r -> body.get("channels").textValue()).orElse(null),
        SweepSettings.of(settings), shardImages, examples);
  }

  /** The READY model named; empty (and an error) when unknown. */
  private Optional<ModelDescription> model(SubmissionFields fields, String tenant)
      throws SQLException {
    Optional<String> id = fields.requiredText("model", "models: " + catalog.ids(tenant));
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Optional<ModelDescription> model = catalog.ready(id.get(), tenant);
    if (model.isEmpty()) {
      fields.error("model", "unknown model '" + id.get() + "'; models: " + catalog.ids(tenant));
    }
    return model;
  }

  /** The layers named; empty for {@code "all"} (or when invalid, with the error). */
  private static Optional<List<String>> layerNames(SubmissionFields fields) {
    Optional<JsonNode> value = fields.present("layers");
    if (value.isPresent() && value.get().isTextual()
        && ALL_LAYERS.equals(value.get().textValue())) {
      return Optional.empty();
    }
    if (value.isEmpty() || !value.get().isArray() || value.get().isEmpty()) {
      fields.error("layers", "is required: a non-empty list of layer names, or \"all\"");
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < value.get().size(); i++) {
      JsonNode name = value.get().get(i);
      if (!name.isTextual() || name.textValue().isBlank()) {
        fields.error("layers[" + i + "]", "must be a layer name");
      } else if (names.contains(name.textValue())) {
        fields.error("layers[" + i + "]", "layer " + name.textValue() + " is named twice");
      } else {
        names.add(name.textValue());
      }
    }
    return Optional.of(names);
  }

  /** The ranges asked for; empty for every channel (or when invalid, with the error). */
  private static Optional<ChannelRanges> ranges(SubmissionFields fields) {
    Optional<String> text = fields.text("channels");
    try {
      return text.map(ChannelRanges::parse);
    } catch (IllegalArgumentException e) {
      fields.error("channels", e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<SweepSubmission.Examples> examples(SubmissionFields body, String tenant)
      throws SQLException {
    Optional<SubmissionFields> given =
        body.object("examples", "{\"dataset\": DATASET, \"top_k\": N}");
    if (given.isEmpty()) {
      return Optional.empty();
    }
    SubmissionFields fields = given.get();
    fields.rejectUnknown(Set.copyOf(JobSubmissionReader.EXAMPLES_FIELDS));
    String id = fields.text("dataset").orElse(DatasetExamplesSpec.DEFAULT_DATASET);
    int topK = fields.integer("top_k", DatasetExamplesSpec.DEFAULT_TOP_K,
        DatasetExamplesSpec.TOP_K);
    if (!fields.isValid("dataset")) {
      return Optional.empty();
    }
    Optional<DatasetRow> dataset = datasets.find(id, tenant);
    if (dataset.isEmpty()) {
      fields.error("dataset", "unknown dataset '" + id + "'; datasets: "
          + String.join(", ", datasets.ids(tenant)));
    }
    return dataset.map(d -> new SweepSubmission.Examples(d, topK));
  }

  /** The named layers with the channels asked for, each of which they must have. */
  private static List<SweepSubmission.LayerChannels> named(SubmissionFields fields,
      ModelDescription model, List<String> names, Optional<ChannelRanges> ranges) {
    List<SweepSubmission.LayerChannels> layers = new ArrayList<>();
    Set<String> asked = new HashSet<>(names);
    for (LayerShape layer : model.layers()) {
      if (!asked.remove(layer.name())) {
        continue;
      }
      String field = "layers[" + names.indexOf(layer.name()) + "]";
      if (!renderable(layer, model)) {
        fields.error(field, "layer " + layer.name() + " has no channels a render can target");
      } else if (ranges.isPresent() && ranges.get().max() >= layer.channels()) {
        fields.error("channels", "channel " + ranges.get().max() + " is beyond layer "
            + layer.name() + ", whose channels are 0-" + (layer.channels() - 1));
      } else {
        layers.add(of(layer, ranges));
      }
    }
    for (String unknown : asked) {
      fields.error("layers[" + names.indexOf(unknown) + "]", "model " + model.id()
          + " has no layer '" + unknown + "' (GET /v1/models/" + model.id() + "/layers)");
    }
    return layers;
  }

  /** Every layer a render can target, with the channels asked for that it has. */
  private static List<SweepSubmission.LayerChannels> all(ModelDescription model,
      Optional<ChannelRanges> ranges) {
    return model.layers().stream().filter(layer -> renderable(layer, model))
        .map(layer -> of(layer, ranges)).filter(layer -> !layer.channels().isEmpty()).toList();
  }

  private static SweepSubmission.LayerChannels of(LayerShape layer,
      Optional<ChannelRanges> ranges) {
    List<Integer> channels = ranges.map(r -> r.within(layer.channels()))
        .orElseGet(() -> new ChannelRanges(List.of(new ChannelRanges.Range(0,
            layer.channels() - 1))).within(layer.channels()));
    return new SweepSubmission.LayerChannels(layer.name(), channels,
        ObjectiveChecks.hasPositions(layer));
  }

  /** Whether a channel objective on the layer is valid: its name fits the grammar, and so on. */
  private static boolean renderable(LayerShape layer, ModelDescription model) {
    try {
      return ObjectiveValidator.validate(ObjectiveSpec.of(new Channel(layer.name(), 0)),
          model.catalogView(), 1).isEmpty();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void count(SubmissionFields fields, ModelDescription model,
      List<SweepSubmission.LayerChannels> layers) {
    int channels = layers.stream().mapToInt(l -> l.channels().size()).sum();
    if (channels == 0 && fields.isValid("layers") && fields.isValid("channels")) {
      fields.error("channels", "selects no channel of the layers of " + model.id());
    } else if (channels > config.maxChannels()) {
      fields.error("channels", channels + " channels, over the " + config.maxChannels()
          + " a sweep may have (fv.api.sweeps.max-channels): sweep fewer layers or channels");
    }
  }
}
