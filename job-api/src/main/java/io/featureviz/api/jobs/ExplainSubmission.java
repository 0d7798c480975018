package io.featureviz.api.jobs;

import io.featureviz.api.datasets.DatasetImageRow;
import io.featureviz.api.datasets.DatasetRow;
import io.featureviz.api.datasets.DatasetService;
import io.featureviz.api.datasets.ImageNames;
import io.featureviz.contracts.explain.ExplainLimits;
import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.objective.ClassRef;
import io.featureviz.contracts.objective.LayerObjective;
import io.featureviz.contracts.objective.LayerShape;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.uploads.ImageInfo;
import io.featureviz.uploads.ImageValidator;
import io.featureviz.uploads.InvalidImageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads an explain job: an image (one of a dataset, {@code image: {dataset, name}}, or the
 * {@code image} part of a multipart submission), a layer whose channels lie on a grid of
 * positions, the class (index or label; none: the model's top-1), the method and the neuron
 * groups, whose feature visualizations take the render settings
 * ({@link ExplainLimits#GROUP_RENDER_STEPS} steps by default).
 *
 * <p>The request's {@code objective} is {@code layer:LAYER}, which names the layer in the
 * job's queryable columns and listings; its {@code batch} is the job's final frames
 * ({@link io.featureviz.contracts.explain.ExplainFrames}): the heatmap, a map per group and a
 * visualization per group.
 */
@ApplicationScoped
class ExplainSubmission {

  static final List<String> FIELDS =
      List.of("layer", "image", "class", "method", "ig_steps", "groups");
  static final Set<String> METHODS = Arrays.stream(ExplainMethod.values())
      .map(ExplainMethod::wireName).collect(Collectors.toUnmodifiableSet());
  private static final Set<String> IMAGE_FIELDS = Set.of("dataset", "name");
  private static final String IMAGE_SHAPE = "{\"dataset\": DATASET, \"name\": IMAGE}";

  private final DatasetService datasets;
  private final RenderMemoryBudget memory;

  ExplainSubmission(DatasetService datasets, RenderMemoryBudget memory) {
    this.datasets = datasets;
    this.memory = memory;
  }

  /** @param part the image part of a multipart submission; empty for JSON */
  JobRequest read(SubmissionFields fields, Optional<ModelDescription> model, String tenant,
      Optional<ImagePart> part) throws SQLException {
    fields.rejectPresent(List.of("objective", "batch", "interpolate"), "not used by explain"
        + " jobs: their frames are the heatmap, the groups' maps and visualizations");
    fields.rejectPresent(JobSubmissionReader.EXAMPLES_FIELDS, "only for dataset_examples jobs"
        + " (\"kind\": \"dataset_examples\"); an explain job's image is {\"image\": "
        + IMAGE_SHAPE + "}");
    String id = UUID.randomUUID().toString();
    Optional<ExplainImage> image = part.isPresent()
        ? uploaded(fields, part.get(), tenant, id) : datasetImage(fields, tenant);
    model.filter(m -> m.logits().isEmpty()).ifPresent(m -> fields.error("model", "model "
        + m.id() + " is not a classifier (it has no logits layer): explain attributes a"
        + " class's logit"));
    Optional<LayerShape> layer = model.flatMap(m -> layer(fields, m));
    OptionalInt classIndex = model.filter(m -> m.logits().isPresent())
        .map(m -> classIndex(fields, m)).orElse(OptionalInt.empty());
    ExplainMethod method = ExplainMethod.of(fields.choice("method",
        ExplainMethod.GRAD.wireName(), METHODS)).orElse(ExplainMethod.GRAD);
    int igSteps = fields.integer("ig_steps", ExplainLimits.DEFAULT_IG_STEPS,
        ExplainLimits.IG_STEPS);
    int groups = fields.integer("groups", ExplainLimits.DEFAULT_GROUPS, ExplainLimits.GROUPS);
    if (layer.isPresent() && fields.isValid("groups") && groups > layer.get().channels()) {
      fields.error("groups", "at most the layer's " + layer.get().channels() + " channels ("
          + layer.get().name() + "); got " + groups);
    }
    RenderSettings settings =
        RenderSettings.read(fields, model, ExplainLimits.GROUP_RENDER_STEPS);
    if (model.isPresent() && fields.isValid("size") && fields.isValid("groups")) {
      // the groups' visualizations render as one batch; the explanation itself is one image
      memory.check(fields, model.get().id(), settings.size(), Math.max(groups, 1), "groups");
    }
    fields.throwIfInvalid();
    ExplainSpec spec = new ExplainSpec(image.get().name(), image.get().key(),
        image.get().dataset(), layer.get().name(),
        classIndex.isPresent() ? classIndex.getAsInt() : null, method, igSteps, groups);
    return new JobRequest(Messages.VERSION, id, tenant, model.get().id(),
        ObjectiveSpec.of(new LayerObjective(spec.layer())).toGrammar(), settings.size(),
        settings.steps(), settings.thresholds(), 1 + 2 * groups, settings.seed(), settings.lr(),
        settings.param(), settings.decorrelate(), settings.transforms(),
        System.currentTimeMillis(), JobKind.EXPLAIN, null, spec, null);
  }

  /** The explained image: its name, where it is in the bucket, its dataset (null: uploaded). */
  private record ExplainImage(String name, String key, String dataset) {}

  private Optional<ExplainImage> datasetImage(SubmissionFields body, String tenant)
      throws SQLException {
    if (!body.isPresent("image")) {
      body.error("image", "is required: " + IMAGE_SHAPE + " for an image of a dataset, or send"
          + " the job as multipart/form-data with the image file as the part 'image'");
      return Optional.empty();
    }
    Optional<SubmissionFields> given = body.object("image", IMAGE_SHAPE);
    if (given.isEmpty()) {
      return Optional.empty();
    }
    SubmissionFields fields = given.get();
    fields.rejectUnknown(IMAGE_FIELDS);
    Optional<String> id = fields.requiredText("dataset", "the dataset holding the image");
    Optional<String> name = fields.requiredText("name", "the image's name in the dataset");
    if (id.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    Optional<DatasetRow> dataset = datasets.find(id.get(), tenant);
    if (dataset.isEmpty()) {
      fields.error("dataset", "unknown dataset '" + id.get() + "'; datasets: "
          + String.join(", ", datasets.ids(tenant)));
      return Optional.empty();
    }
    Optional<DatasetImageRow> image = datasets.image(dataset.get(), name.get());
    if (image.isEmpty()) {
      fields.error("name", "dataset " + id.get() + " has no image "
          + ImageNames.quoted(name.get()) + " (GET /v1/datasets/" + id.get() + ")");
      return Optional.empty();
    }
    return Optional.of(new ExplainImage(image.get().name(), image.get().objectKey(),
        dataset.get().id()));
  }

  private static Optional<ExplainImage> uploaded(SubmissionFields fields, ImagePart part,
      String tenant, String jobId) {
    if (fields.isPresent("image")) {
      fields.error("image", "comes as the form's part 'image' of a multipart submission;"
          + " leave it out of the part 'job'");
      return Optional.empty();
    }
    if (part.upload() == null) {
      fields.error("image", "is required: the image file (PNG, JPEG or BMP) as the form's"
          + " part 'image'");
      return Optional.empty();
    }
    String fileName = part.upload().fileName();
    ImageInfo info;
    try {
      info = ImageValidator.inspect(part.upload().uploadedFile());
    } catch (InvalidImageException e) {
      fields.error("image", ImageNames.quoted(fileName) + " " + e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<String> extension = ExplainUploads.extension(info.contentType());
    if (extension.isEmpty()) {
      fields.error("image", ImageNames.quoted(fileName) + " is " + info.contentType()
          + "; explain jobs take PNG, JPEG or BMP images");
      return Optional.empty();
    }
    return Optional.of(new ExplainImage(
        ImageNames.safe(fileName).orElse("image." + extension.get()),
        ExplainUploads.key(tenant, jobId, extension.get()), null));
  }

  /** The explained layer: one of the model's, its channels on a grid of positions. */
  private static Optional<LayerShape> layer(SubmissionFields fields, ModelDescription model) {
    Optional<String> name = fields.requiredText("layer", "a layer of the model with channels"
        + " on a grid of positions (GET /v1/models/" + model.id() + "/layers)");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<LayerShape> layer = model.layer(name.get());
    if (layer.isEmpty()) {
      fields.error("layer", "model " + model.id() + " has no layer '" + name.get()
          + "' (GET /v1/models/" + model.id() + "/layers)");
    } else if (!ObjectiveChecks.hasPositions(layer.get())) {
      fields.error("layer", "layer " + name.get() + " has no channels on a grid of positions ("
          + layer.get().height() + "x" + layer.get().width() + "); choose a layer with height"
          + " and width over 1");
      return Optional.empty();
    }
    return layer;
  }

  /** The class asked for as its index; empty for the top-1 (and when invalid). */
  private static OptionalInt classIndex(SubmissionFields fields, ModelDescription model) {
    Optional<ClassRef> asked = fields.classRef("class");
    if (asked.isEmpty()) {
      return OptionalInt.empty();
    }
    List<String> labels = model.labels();
    int classes = labels.isEmpty()
        ? model.layer(model.logitsLayer()).map(LayerShape::channels).orElse(0) : labels.size();
    if (asked.get() instanceof ClassRef.Index index) {
      if (index.value() >= classes) {
        fields.error("class", "class " + index.value() + " out of range: the model has "
            + classes + " classes (0.." + (classes - 1) + ")");
        return OptionalInt.empty();
      }
      return OptionalInt.of(index.value());
    }
    OptionalInt found = asked.get().indexIn(labels);
    if (found.isEmpty()) {
      fields.error("class", labels.isEmpty()
          ? "the model publishes no class labels; name the class by its index"
          : "unknown class label '" + ((ClassRef.Label) asked.get()).text() + "'; name one of"
              + " the model's labels (GET /v1/models/" + model.id() + ") or a class index");
    }
    return found;
  }
}
