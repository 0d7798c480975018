package io.featureviz.api.jobs;

import io.featureviz.api.QueryParameters;
import io.featureviz.contracts.explain.ExplainLimits;
import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.contracts.render.NumberRange;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.contracts.render.RenderLimits;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Describes what {@code /v1/jobs} takes with the bounds the API enforces, built from
 * {@link RenderLimits}, {@link ExplainLimits} and {@link InterpolationSpec} rather than copied
 * into annotations: the body of {@code POST} (read as a JSON tree, so the scanner cannot see its
 * fields) as the {@code JobSubmission} schema, an explain job with its image as the
 * {@code ExplainSubmissionWithImage} form, and the numeric query parameters of the listings' {@code GET} ({@code /v1/jobs}, {@code /v1/gallery}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class JobLimitsSchemaFilter implements OASFilter {

  static final String SCHEMA = "JobSubmission";
  static final String UPLOAD_SCHEMA = "ExplainSubmissionWithImage";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    PathItem jobs = openApi.getPaths().getPathItem("/v1/jobs");
    if (jobs == null) {
      return;
    }
    openApi.getComponents().addSchema(SCHEMA, submission());
    openApi.getComponents().addSchema(UPLOAD_SCHEMA, explainUpload());
    jobs.getPOST().requestBody(OASFactory.createRequestBody().required(true)
        .description("a render (the default kind), a dataset search or an explanation; every"
            + " field but model and objective (explain: model, layer and image) may be left out"
            + " for its default. An explain job may come with its image as multipart/form-data")
        .content(OASFactory.createContent()
            .addMediaType("application/json", OASFactory.createMediaType().schema(
                OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA)))
            .addMediaType("multipart/form-data", OASFactory.createMediaType().schema(
                OASFactory.createSchema().ref("#/components/schemas/" + UPLOAD_SCHEMA)))));
    boundListingParameters(jobs, "jobs");
    PathItem gallery = openApi.getPaths().getPathItem("/v1/gallery");
    if (gallery != null) {
      boundListingParameters(gallery, "images");
    }
  }

  /** The numeric query parameters of a listing's {@code GET}, bounded as QueryParameters reads them. */
  private static void boundListingParameters(PathItem listing, String items) {
    for (Parameter parameter : listing.getGET().getParameters()) {
      switch (parameter.getName()) {
        case "limit" -> parameter.schema(bounded(QueryParameters.PAGE_SIZE,
            items + " per page, " + QueryParameters.DEFAULT_PAGE_SIZE + " by default"));
        case "channel" -> parameter.schema(bounded(QueryParameters.CHANNEL, "channel index"));
        default -> { }
      }
    }
  }

  private static Schema submission() {
    return OASFactory.createSchema().addType(SchemaType.OBJECT)
        .additionalPropertiesBoolean(false)
        .required(List.of("model"))
        .addProperty("kind", choice(JobKinds.WIRE_NAMES,
            "render (default), dataset_examples or explain"))
        .addProperty("model", text("model id (GET /v1/models)"))
        .addProperty("objective", OASFactory.createSchema()
            .description("render and dataset_examples, required unless interpolate is given:"
                + " grammar text such as mixed4:97, or its JSON form"))
        .addProperty("size", size())
        .addProperty("steps", bounded(RenderLimits.STEPS,
            "optimization steps, " + RenderDefaults.STEPS + " by default"))
        .addProperty("thresholds", OASFactory.createSchema().addType(SchemaType.ARRAY)
            .minItems(1)
            .items(bounded(RenderLimits.thresholds(RenderLimits.MAX_STEPS), "a step of the job"))
            .description("steps that save an image, each at most steps; default steps/4,"
                + " steps/2, steps"))
        .addProperty("batch", bounded(RenderLimits.BATCH, "images optimized together"))
        .addProperty("interpolate", interpolate())
        .addProperty("seed", bounded(RenderLimits.SEED, "random seed")
            .defaultValue(RenderDefaults.SEED))
        .addProperty("lr", bounded(RenderLimits.LEARNING_RATE,
            "Adam learning rate, " + RenderDefaults.LEARNING_RATE + " by default")
            .defaultValue(RenderDefaults.LEARNING_RATE))
        .addProperty("param", choice(JobSubmissionReader.PARAMS, "image parameterization")
            .defaultValue(RenderDefaults.PARAM))
        .addProperty("decorrelate", OASFactory.createSchema().addType(SchemaType.BOOLEAN)
            .description("optimize in decorrelated colour (default true)")
            .defaultValue(RenderDefaults.DECORRELATE))
        .addProperty("transforms", text("standard (default), none or a transform list")
            .defaultValue(RenderDefaults.TRANSFORMS))
        .addProperty("dataset", text("dataset_examples: the dataset searched, default "
            + DatasetExamplesSpec.DEFAULT_DATASET))
        .addProperty("top_k", bounded(DatasetExamplesSpec.TOP_K,
            "dataset_examples: how many examples to keep"))
        .addProperty("layer", text("explain: the explained layer, one with channels on a grid"
            + " of positions (GET /v1/models/{id}/layers)"))
        .addProperty("image", OASFactory.createSchema().addType(SchemaType.OBJECT)
            .description("explain: an image of a dataset (or send the job as multipart/form-data"
                + " with the image file)")
            .required(List.of("dataset", "name"))
            .addProperty("dataset", text("dataset id (GET /v1/datasets)"))
            .addProperty("name", text("the image's name in the dataset")))
        .addProperty("class", OASFactory.createSchema()
            .oneOf(List.of(OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(
                BigDecimal.ZERO), text("class label")))
            .description("explain: the explained class, its index or label; default the"
                + " model's top-1"))
        .addProperty("method", choice(ExplainSubmission.METHODS, "explain: gradient times"
            + " activation (grad, default) or layer integrated gradients (ig)"))
        .addProperty("ig_steps", bounded(ExplainLimits.IG_STEPS, "explain: integration steps"
            + " of ig, " + ExplainLimits.DEFAULT_IG_STEPS + " by default"))
        .addProperty("groups", bounded(ExplainLimits.GROUPS, "explain: neuron groups, at most"
            + " the layer's channels, " + ExplainLimits.DEFAULT_GROUPS + " by default; each is"
            + " rendered with the render settings (steps " + ExplainLimits.GROUP_RENDER_STEPS
            + " by default)"))
        .addProperty("tenant", text("ignored: the API key decides").deprecated(true));
  }

  private static Schema interpolate() {
    return OASFactory.createSchema().addType(SchemaType.OBJECT)
        .description("render: frames from one objective to another (frame i maximizes"
            + " (1-t)*from + t*to), instead of objective and batch")
        .required(List.of("from", "to"))
        .addProperty("from", text("the first frame's objective (one, no ';' list)"))
        .addProperty("to", text("the last frame's objective"))
        .addProperty("frames", bounded(InterpolationSpec.FRAMES,
            "images, both ends included, " + InterpolationSpec.DEFAULT_FRAMES + " by default"));
  }

  /** An explain job with its image: the parts of {@code multipart/form-data}. */
  private static Schema explainUpload() {
    return OASFactory.createSchema().addType(SchemaType.OBJECT)
        .required(List.of("job", "image"))
        .addProperty("job", text("the explain job as JSON (" + SCHEMA + " with kind explain),"
            + " without image"))
        .addProperty("image", OASFactory.createSchema().addType(SchemaType.STRING)
            .format("binary").description("the image to explain: PNG, JPEG or BMP"));
  }

  /** The size's upper bound depends on the model, so only its lower bound is a number here. */
  private static Schema size() {
    NumberRange smallest = RenderLimits.size(0);
    return OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(smallest.minimum())
        .description("image side in pixels, at most " + RenderLimits.MAX_SIZE_PER_INPUT_SIZE
            + " times the model's input size (input_size in GET /v1/models), which is the"
            + " default")
        .addExtension("x-maximum-input-size-multiple", RenderLimits.MAX_SIZE_PER_INPUT_SIZE);
  }

  static Schema bounded(NumberRange range, String description) {
    Schema schema = OASFactory.createSchema()
        .addType(range.integral() ? SchemaType.INTEGER : SchemaType.NUMBER)
        .maximum(range.maximum()).description(description + "; " + range.requirement());
    return range.minExclusive() ? schema.exclusiveMinimum(range.minimum())
        : schema.minimum(range.minimum());
  }

  private static Schema choice(Set<String> values, String description) {
    return text(description).enumeration(new ArrayList<>(new TreeSet<Object>(values)));
  }

  private static Schema text(String description) {
    return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
  }
}
