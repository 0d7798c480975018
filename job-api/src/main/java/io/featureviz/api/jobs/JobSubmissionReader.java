package io.featureviz.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.api.ApiConfig;
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
import io.featureviz.contracts.objective.ObjectiveProblem;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.objective.ObjectiveValidator;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.contracts.render.RenderLimits;
import io.featureviz.contracts.render.RenderMemory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Turns a {@code POST /v1/jobs} body into a {@link JobRequest} with the engine's defaults filled
 * in, or fails with every invalid field at once, the objective checked against the model's
 * layers and classes, so that nothing invalid is ever published.
 *
 * <p>{@code kind} chooses what the job computes: a {@code render} (the default) optimizes images
 * with the render settings; a {@code dataset_examples} job searches a dataset for the images
 * that drive one channel hardest, and takes {@code dataset} and {@code top_k} instead. Every
 * number must lie in its range of {@link RenderLimits} (the size in its model's).
 */
@ApplicationScoped
public class JobSubmissionReader {

  /** The optimization's settings, which a dataset search has no use for. */
  private static final List<String> RENDER_FIELDS = List.of("size", "steps", "thresholds",
      "batch", "seed", "lr", "param", "decorrelate", "transforms");
  private static final List<String> EXAMPLES_FIELDS = List.of("dataset", "top_k");
  /** {@code tenant} is accepted for older clients and ignored: the API key decides. */
  private static final Set<String> FIELDS = Set.copyOf(Stream.of(
      List.of("kind", "model", "objective", "tenant"), RENDER_FIELDS, EXAMPLES_FIELDS)
      .flatMap(List::stream).toList());
  static final Set<String> PARAMS = Set.of("fft", "pixel");

  private final ModelCatalog catalog;
  private final DatasetService datasets;
  private final ApiConfig.Limits limits;

  JobSubmissionReader(ModelCatalog catalog, DatasetService datasets, ApiConfig config) {
    this.catalog = catalog;
    this.datasets = datasets;
    this.limits = config.limits();
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
    if (body == null || !body.isObject()) {
      throw ProblemException.invalidParameter("body", "must be a JSON object");
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
    Optional<ObjectiveSpec> objective = fields.objective();
    if (!fields.isValid("kind")) {
      // which other fields belong is unknown: only the common ones are reported
      fields.throwIfInvalid();
    }
    return kind.orElseThrow() == JobKind.DATASET_EXAMPLES
        ? datasetExamples(fields, model, objective, tenant)
        : render(fields, model, objective, tenant);
  }

  private JobRequest render(SubmissionFields fields, Optional<ModelDescription> model,
      Optional<ObjectiveSpec> objective, String tenant) {
    fields.rejectPresent(EXAMPLES_FIELDS,
        "only for dataset_examples jobs (\"kind\": \"dataset_examples\")");
    // the size's range is the model's: it is checked once the model is known
    int size = model.map(m -> fields.integer("size", m.inputSize(),
        RenderLimits.size(m.inputSize()))).orElse(0);
    int steps = fields.integer("steps", RenderDefaults.STEPS, RenderLimits.STEPS);
    int batch = fields.integer("batch", RenderDefaults.BATCH, RenderLimits.BATCH);
    List<Integer> thresholds = fields.thresholds(steps);
    long seed = fields.longInteger("seed", RenderDefaults.SEED, RenderLimits.SEED);
    double lr = fields.number("lr", RenderDefaults.LEARNING_RATE, RenderLimits.LEARNING_RATE);
    String param = fields.choice("param", RenderDefaults.PARAM, PARAMS);
    boolean decorrelate = fields.bool("decorrelate", RenderDefaults.DECORRELATE);
    String transforms = fields.transforms();
    if (model.isPresent() && objective.isPresent() && fields.isValid("batch")) {
      validate(fields, objective.get(), model.get(), batch);
    }
    if (model.isPresent() && fields.isValid("size") && fields.isValid("batch")) {
      checkRenderMemory(fields, model.get().id(), size, batch);
    }
    fields.throwIfInvalid();
    return new JobRequest(Messages.VERSION, UUID.randomUUID().toString(), tenant,
        model.get().id(), objective.get().toGrammar(), size, steps, thresholds, batch, seed, lr,
        param, decorrelate, transforms, System.currentTimeMillis());
  }

  /** Refuses a render a worker could not hold: it would be killed, and get the job again. */
  private void checkRenderMemory(SubmissionFields fields, String model, int size, int batch) {
    long needed = RenderMemory.estimateBytes(model, size, batch);
    long budget = limits.renderMemory().asLongValue();
    if (needed > budget) {
      String message = "size " + size + " with batch " + batch + " on " + model + " needs about "
          + RenderMemory.mebibytes(needed) + " MiB of worker memory, over the workers' "
          + RenderMemory.mebibytes(budget) + " MiB (fv.limits.render-memory): lower size or batch";
      fields.error("size", message);
      fields.error("batch", message);
    }
  }

  /**
   * A dataset search: every image of the dataset is scored, one step each, and the request's
   * render settings are their defaults, the size the model's input size.
   */
  private JobRequest datasetExamples(SubmissionFields fields, Optional<ModelDescription> model,
      Optional<ObjectiveSpec> objective, String tenant) throws SQLException {
    fields.rejectPresent(RENDER_FIELDS, "not used by dataset_examples jobs");
    Optional<DatasetRow> dataset = dataset(fields, tenant);
    int topK = fields.integer("top_k", DatasetExamplesSpec.DEFAULT_TOP_K,
        DatasetExamplesSpec.TOP_K);
    if (model.isPresent() && objective.isPresent()) {
      validateChannel(fields, objective.get(), model.get());
    }
    fields.throwIfInvalid();
    int images = dataset.get().imageCount();
    return new JobRequest(Messages.VERSION, UUID.randomUUID().toString(), tenant,
        model.get().id(), objective.get().toGrammar(), model.get().inputSize(), images,
        List.of(images), RenderDefaults.BATCH, RenderDefaults.SEED, RenderDefaults.LEARNING_RATE,
        RenderDefaults.PARAM, RenderDefaults.DECORRELATE, RenderDefaults.TRANSFORMS,
        System.currentTimeMillis(), JobKind.DATASET_EXAMPLES,
        new DatasetExamplesSpec(dataset.get().id(), dataset.get().objectPrefix(), topK), null,
        null);
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
    if (validate(fields, objective, model, 1)) {
      LayerShape layer = model.layer(channel.layer()).orElseThrow();
      if ((long) layer.height() * layer.width() <= 1) {
        fields.error("objective", "layer " + layer.name() + " has no positions ("
            + layer.height() + "x" + layer.width() + ") to crop images around; choose a layer"
            + " with height and width over 1 (GET /v1/models/" + model.id() + "/layers)");
      }
    }
  }

  /** Reports the objective's problems on this model; whether it had none. */
  private static boolean validate(SubmissionFields fields, ObjectiveSpec objective,
      ModelDescription model, int batch) {
    List<ObjectiveProblem> problems =
        ObjectiveValidator.validate(objective, model.catalogView(), batch);
    for (ObjectiveProblem problem : problems) {
      fields.error(problem.path().isEmpty() ? "objective" : "objective." + problem.path(),
          problem.message());
    }
    return problems.isEmpty();
  }
}
