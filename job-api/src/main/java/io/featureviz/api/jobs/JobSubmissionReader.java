package io.featureviz.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.api.datasets.DatasetRow;
import io.featureviz.api.datasets.DatasetService;
import io.featureviz.api.models.ModelCatalog;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.objective.Channel;
import io.featureviz.contracts.objective.LayerShape;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.contracts.render.RenderLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Turns a {@code POST /v1/jobs} body into a {@link JobRequest} with the engine's defaults filled
 * in, or fails with every invalid field at once, the objective checked against the model's
 * layers and classes, so that nothing invalid is ever published.
 *
 * <p>{@code kind} chooses what the job computes: a {@code render} (the default) optimizes images
 * with the render settings, one objective per image or an {@code interpolate} between two; a
 * {@code dataset_examples} job searches a dataset for the images that drive one channel
 * hardest, and takes {@code dataset} and {@code top_k} instead; an {@code explain} job
 * ({@link ExplainSubmission}) attributes a class of an image to a layer's channels. Every number
 * must lie in its range of {@link RenderLimits} (the size in its model's).
 */
@ApplicationScoped
public class JobSubmissionReader {

  private static final List<String> RENDER_ONLY_FIELDS = List.of("batch", "interpolate");
  public static final List<String> EXAMPLES_FIELDS = List.of("dataset", "top_k");
  /** {@code tenant} is accepted for older clients and ignored: the API key decides. */
  private static final Set<String> FIELDS = Set.copyOf(Stream.of(
      List.of("kind", "model", "objective", "tenant"), RenderSettings.FIELDS, RENDER_ONLY_FIELDS,
      EXAMPLES_FIELDS, ExplainSubmission.FIELDS).flatMap(List::stream).toList());
  public static final Set<String> PARAMS = Set.of("fft", "pixel");
  private static final Set<String> INTERPOLATE_FIELDS = Set.of("from", "to", "frames");

  private final ModelCatalog catalog;
  private final DatasetService datasets;
  private final RenderMemoryBudget memory;
  private final ExplainSubmission explain;

  JobSubmissionReader(ModelCatalog catalog, DatasetService datasets, RenderMemoryBudget memory,
      ExplainSubmission explain) {
    this.catalog = catalog;
    this.datasets = datasets;
    this.memory = memory;
    this.explain = explain;
  }

  /**
   * The request of the tenant's job, which may name the built-in and the tenant's models, and
   * the built-in and the tenant's datasets.
   *
   * @throws ProblemException 400 with every invalid field; 409 for a model that is not READY
   *     (its layers are unknown, so nothing else about the job can be said); 503 for a built-in
   *     model no worker has described yet
   */
  public JobRequest read(JsonNode body, String tenant) throws SQLException {
    return read(body, tenant, Optional.<ImagePart>empty());
  }

  /**
   * The request of an explain job submitted with its image ({@code multipart/form-data}):
   * {@code body} is its {@code job} part, {@code image} its {@code image} part, null when it has
   * none. The image is not stored yet.
   */
  public JobRequest readWithImage(JsonNode body, String tenant, FileUpload image)
      throws SQLException {
    return read(body, tenant, Optional.of(new ImagePart(image)));
  }

  /** @param image present for a multipart submission */
  private JobRequest read(JsonNode body, String tenant, Optional<ImagePart> image)
      throws SQLException {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalidParameter(image.isPresent() ? "job" : "body",
          "must be a JSON object");
    }
    SubmissionFields fields = new SubmissionFields(body);
    fields.rejectUnknown(FIELDS);
    Optional<JobKind> kind =
        JobKinds.of(fields.choice("kind", JobKind.RENDER.wireName(), JobKinds.WIRE_NAMES));
    Optional<String> modelId = fields.requiredText("model", "models: " + catalog.ids(tenant));
    Optional<ModelDescription> model = Optional.empty();
    if (modelId.isPresent()) {
      model = catalog.ready(modelId.get(), tenant);
      if (model.isEmpty()) {
        fields.error("model", "unknown model '" + modelId.get() + "'; models: "
            + catalog.ids(tenant));
      }
    }
    if (!fields.isValid("kind")) {
      // which other fields belong is unknown: only the common ones are reported
      fields.objective();
      fields.throwIfInvalid();
    }
    if (image.isPresent() && kind.orElseThrow() != JobKind.EXPLAIN) {
      fields.error("kind", "only explain jobs (\"kind\": \"explain\") are sent with an image;"
          + " send other jobs as JSON");
      fields.throwIfInvalid();
    }
    return switch (kind.orElseThrow()) {
      case RENDER -> render(fields, model, tenant);
      case DATASET_EXAMPLES -> datasetExamples(fields, model, tenant);
      case EXPLAIN -> explain.read(fields, model, tenant, image);
    };
  }

  private JobRequest render(SubmissionFields fields, Optional<ModelDescription> model,
      String tenant) {
    fields.rejectPresent(EXAMPLES_FIELDS,
        "only for dataset_examples jobs (\"kind\": \"dataset_examples\")");
    fields.rejectPresent(ExplainSubmission.FIELDS, "only for explain jobs (\"kind\": \"explain\")");
    Optional<InterpolationSpec> interpolation = interpolation(fields, model);
    Optional<ObjectiveSpec> objective;
    int batch;
    if (interpolation.isPresent() || fields.isPresent("interpolate")) {
      fields.rejectPresent(List.of("objective", "batch"),
          "not with interpolate: its frames are the batch, each with its own objective");
      objective = interpolation.map(InterpolationSpec::objective);
      batch = interpolation.map(InterpolationSpec::frames).orElse(RenderDefaults.BATCH);
    } else {
      objective = fields.objective();
      batch = fields.integer("batch", RenderDefaults.BATCH, RenderLimits.BATCH);
    }
    RenderSettings settings = RenderSettings.read(fields, model, RenderDefaults.STEPS);
    if (model.isPresent() && objective.isPresent() && interpolation.isEmpty()
        && fields.isValid("batch")) {
      ObjectiveChecks.validate(fields, "objective", objective.get(), model.get(), batch);
    }
    if (model.isPresent() && objective.isPresent() && fields.isValid("size")
        && fields.isValid("batch")) {
      memory.check(fields, model.get().id(), settings.size(), batch, "batch");
    }
    fields.throwIfInvalid();
    return new JobRequest(Messages.VERSION, UUID.randomUUID().toString(), tenant,
        model.get().id(), objective.get().toGrammar(), settings.size(), settings.steps(),
        settings.thresholds(), batch, settings.seed(), settings.lr(), settings.param(),
        settings.decorrelate(), settings.transforms(), System.currentTimeMillis(),
        JobKind.RENDER, null, null, interpolation.orElse(null));
  }

  /**
   * {@code interpolate: {from, to, frames}}, each end one objective valid on the model; empty
   * when absent or invalid (then with its errors).
   */
  private static Optional<InterpolationSpec> interpolation(SubmissionFields body,
      Optional<ModelDescription> model) {
    Optional<SubmissionFields> given =
        body.object("interpolate", "{\"from\": OBJECTIVE, \"to\": OBJECTIVE, \"frames\": N}");
    if (given.isEmpty()) {
      return Optional.empty();
    }
    SubmissionFields fields = given.get();
    fields.rejectUnknown(INTERPOLATE_FIELDS);
    Optional<ObjectiveSpec> from = end(fields, "from", model);
    Optional<ObjectiveSpec> to = end(fields, "to", model);
    int frames = fields.integer("frames", InterpolationSpec.DEFAULT_FRAMES,
        InterpolationSpec.FRAMES);
    if (from.isEmpty() || to.isEmpty() || !fields.isValid("frames")) {
      return Optional.empty();
    }
    return Optional.of(new InterpolationSpec(from.get().toGrammar(), to.get().toGrammar(),
        frames));
  }

  /** One end of an interpolation: one objective (no ';' list), valid on the model. */
  private static Optional<ObjectiveSpec> end(SubmissionFields fields, String field,
      Optional<ModelDescription> model) {
    Optional<ObjectiveSpec> end = fields.objective(field);
    if (end.isPresent() && end.get().isPerBatchElement()) {
      fields.error(field, "must be one objective, not a ';' list");
      return Optional.empty();
    }
    if (end.isPresent() && model.isPresent()
        && !ObjectiveChecks.validate(fields, field, end.get(), model.get(), 1)) {
      return Optional.empty();
    }
    return end;
  }

  /**
   * A dataset search: every image of the dataset is scored, one step each, and the request's
   * render settings are their defaults, the size the model's input size.
   */
  private JobRequest datasetExamples(SubmissionFields fields, Optional<ModelDescription> model,
      String tenant) throws SQLException {
    Optional<ObjectiveSpec> objective = fields.objective();
    fields.rejectPresent(RenderSettings.FIELDS, "not used by dataset_examples jobs");
    fields.rejectPresent(RENDER_ONLY_FIELDS, "not used by dataset_examples jobs");
    fields.rejectPresent(ExplainSubmission.FIELDS, "only for explain jobs (\"kind\": \"explain\")");
    Optional<DatasetRow> dataset = dataset(fields, tenant);
    int topK = fields.integer("top_k", DatasetExamplesSpec.DEFAULT_TOP_K,
        DatasetExamplesSpec.TOP_K);
    if (model.isPresent() && objective.isPresent()) {
      validateChannel(fields, objective.get(), model.get());
    }
    fields.throwIfInvalid();
    return datasetExamples(tenant, model.get(), objective.get().toGrammar(), dataset.get(),
        topK);
  }

  /**
   * The request of a search of the dataset for the {@code topK} images that drive one channel
   * (its objective, already valid on the model) hardest: every image scored, one step each.
   */
  public static JobRequest datasetExamples(String tenant, ModelDescription model,
      String objective, DatasetRow dataset, int topK) {
    int images = dataset.imageCount();
    return new JobRequest(Messages.VERSION, UUID.randomUUID().toString(), tenant, model.id(),
        objective, model.inputSize(), images, List.of(images), RenderDefaults.BATCH,
        RenderDefaults.SEED, RenderDefaults.LEARNING_RATE, RenderDefaults.PARAM,
        RenderDefaults.DECORRELATE, RenderDefaults.TRANSFORMS, System.currentTimeMillis(),
        JobKind.DATASET_EXAMPLES,
        new DatasetExamplesSpec(dataset.id(), dataset.objectPrefix(), topK), null, null);
  }

  private Optional<DatasetRow> dataset(SubmissionFields fields, String tenant)
      throws SQLException {
    Optional<String> id = fields.text("dataset");
    if (!fields.isValid("dataset")) {
      return Optional.empty();
    }
    Optional<DatasetRow> dataset = datasets.find(id.orElse(DatasetExamplesSpec.DEFAULT_DATASET), tenant);
    if (dataset.isEmpty()) {
      fields.error("dataset", "unknown dataset '" + id.orElse(DatasetExamplesSpec.DEFAULT_DATASET) + "'; datasets: "
          + String.join(", ", datasets.ids(tenant)));
    }
    return dataset;
  }

  /**
   * A dataset search ranks images by one channel at its most active position, so the objective
   * must be one channel term of a layer with positions (height or width over 1).
   */
  private static void validateChannel(SubmissionFields fields, ObjectiveSpec objective,
      ModelDescription model) {
    if (objective.perBatch().size() != 1
        || !(objective.perBatch().get(0) instanceof Channel channel)) {
      fields.error("objective", "a dataset_examples job takes exactly one channel term"
          + " LAYER:CHANNEL, such as \"mixed4:97\"; got \"" + objective.toGrammar() + "\"");
      return;
    }
    if (ObjectiveChecks.validate(fields, "objective", objective, model, 1)) {
      LayerShape layer = model.layer(channel.layer()).orElseThrow();
      if (!ObjectiveChecks.hasPositions(layer)) {
        fields.error("objective", "layer " + layer.name() + " has no positions ("
            + layer.height() + "x" + layer.width() + ") to crop images around; choose a layer"
            + " with height and width over 1 (GET /v1/models/" + model.id() + "/layers)");
      }
    }
  }
}
