package io.featureviz.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.featureviz.api.ApiConfig;
import io.featureviz.api.datasets.DatasetImageRow;
import io.featureviz.api.datasets.DatasetRow;
import io.featureviz.api.datasets.DatasetService;
import io.featureviz.api.models.ModelCatalog;
import io.quarkus.runtime.configuration.MemorySize;
import io.featureviz.api.problems.FieldError;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.contracts.explain.ExplainLimits;
import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.objective.LayerShape;
import io.featureviz.contracts.render.InterpolationSpec;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code POST /v1/jobs} body read against a catalog of one small model, {@code tiny} (32 px
 * input; conv1 8 channels 32x32, conv2 16 channels 16x16, logits 10 classes 1x1), and the
 * built-in dataset {@code photos} of 11 images (of which {@code owl.jpg} is known here).
 */
class JobSubmissionReaderTest {

  private static final String TENANT = "tenant-a";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ModelDescription TINY = new ModelDescription("tiny", "test", 32, 0f, 1f,
      List.of(), List.of(),
      List.of(new LayerShape("conv1", 8, 32, 32), new LayerShape("conv2", 16, 16, 16),
          new LayerShape("logits", 10, 1, 1)),
      List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
      "logits");
  private static final DatasetRow PHOTOS =
      new DatasetRow(null, "photos", "photos", "public-datasets/photos/", 11, 0L, null);

  private JobSubmissionReader reader;

  @BeforeEach
  void catalogAndDatasets() throws Exception {
    ModelCatalog catalog = mock(ModelCatalog.class);
    when(catalog.ids(TENANT)).thenReturn(List.of("tiny"));
    when(catalog.ready("tiny", TENANT)).thenReturn(Optional.of(TINY));
    DatasetService datasets = mock(DatasetService.class);
    when(datasets.ids(TENANT)).thenReturn(List.of("photos"));
    when(datasets.find("photos", TENANT)).thenReturn(Optional.of(PHOTOS));
    when(datasets.image(PHOTOS, "owl.jpg")).thenReturn(Optional.of(new DatasetImageRow(
        "owl.jpg", "public-datasets/photos/owl.jpg", 640, 480, 1000L, "c0ffee")));
    reader = reader(catalog, datasets);
  }

  /** The reader with a worker memory budget of 3 GiB. */
  private static JobSubmissionReader reader(ModelCatalog catalog, DatasetService datasets) {
    ApiConfig config = mock(ApiConfig.class);
    ApiConfig.Limits limits = mock(ApiConfig.Limits.class);
    when(config.limits()).thenReturn(limits);
    when(limits.renderMemory()).thenReturn(new MemorySize(BigInteger.valueOf(3L << 30)));
    RenderMemoryBudget memory = new RenderMemoryBudget(config);
    return new JobSubmissionReader(catalog, datasets, memory,
        new ExplainSubmission(datasets, memory));
  }

  private JobRequest read(String body) throws Exception {
    return reader.read(JSON.readTree(body), TENANT);
  }

  /** The invalid fields of a refused body, each with its message. */
  private Map<String, String> errors(String body) throws Exception {
    JsonNode tree = JSON.readTree(body);
    ProblemException e = assertThrows(ProblemException.class, () -> reader.read(tree, TENANT));
    assertEquals(400, e.problem().status());
    return e.problem().errors().stream()
        .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + "; " + b,
            TreeMap::new));
  }

  @Test
  void renderTakesThePublishedDefaultsAndTheModelsInputSize() throws Exception {
    JobRequest request = read("{\"model\": \"tiny\", \"objective\": \"conv2 : 3\"}");
    assertEquals(JobKind.RENDER, request.kind());
    assertEquals(TENANT, request.tenant());
    assertEquals("tiny", request.model());
    assertEquals("conv2:3", request.objective());
    assertEquals(32, request.size());
    assertEquals(512, request.steps());
    assertEquals(List.of(), request.thresholds());
    assertEquals(1, request.batch());
    assertEquals(0L, request.seed());
    assertEquals(0.05, request.lr());
    assertEquals("fft", request.param());
    assertTrue(request.decorrelate());
    assertEquals("standard", request.transforms());
  }

  @Test
  void givenSettingsAreKeptAndThresholdsSortedWithoutRepeats() throws Exception {
    JobRequest request = read("{\"model\": \"tiny\", \"objective\": \"conv2:1; conv2:2\","
        + " \"size\": 64, \"steps\": 20, \"thresholds\": [20, 5, 5], \"batch\": 2, \"seed\": 9,"
        + " \"lr\": 0.1, \"param\": \"pixel\", \"decorrelate\": false,"
        + " \"transforms\": \"jitter(2)\", \"tenant\": \"ignored\"}");
    assertEquals(List.of(64, 20, 2), List.of(request.size(), request.steps(), request.batch()));
    assertEquals(List.of(5, 20), request.thresholds());
    assertEquals(9L, request.seed());
    assertEquals(0.1, request.lr());
    assertEquals("pixel", request.param());
    assertEquals(false, request.decorrelate());
    assertEquals("jitter(2)", request.transforms());
    assertEquals(TENANT, request.tenant());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"conv2:3\"", "42", "null"})
  void bodyMustBeAnObject(String body) throws Exception {
    assertEquals(Map.of("body", "must be a JSON object"), errors(body));
  }

  @Test
  void everyInvalidFieldIsReportedAtOnce() throws Exception {
    Map<String, String> errors = errors("{\"model\": \"tiny\", \"objective\": \"conv2:99\","
        + " \"size\": \"big\", \"steps\": 0, \"seed\": 1.5,"
        + " \"lr\": -1, \"param\": \"cppn\", \"decorrelate\": \"yes\", \"stpes\": 3}");
    assertEquals(List.of("decorrelate", "lr", "objective.channel", "param", "seed", "size",
        "steps", "stpes"), List.copyOf(errors.keySet()));
    assertEquals("must be an integer from 1 to 10000", errors.get("steps"));
    // the tiny model's input is 32 px
    assertEquals("must be an integer from 16 to 128", errors.get("size"));
    assertTrue(errors.get("objective.channel").contains("channel 99 out of range"));
    assertTrue(errors.get("stpes").startsWith("unknown field; allowed: batch, class, dataset,"));
  }

  @Test
  void thresholdsMustBeStepsOfTheJob() throws Exception {
    assertEquals(Map.of("thresholds[1]", "must be an integer from 1 to 20, a step of the job"),
        errors("{\"model\": \"tiny\", \"objective\": \"conv2:3\", \"steps\": 20,"
            + " \"thresholds\": [1, 30]}"));
    assertEquals(Map.of("thresholds", "must be a non-empty array of steps"),
        errors("{\"model\": \"tiny\", \"objective\": \"conv2:3\", \"thresholds\": []}"));
  }

  @Test
  void learningRateAndSeedHaveRanges() throws Exception {
    Map<String, String> errors = errors("{\"model\": \"tiny\", \"objective\": \"conv2:3\","
        + " \"lr\": 10.5, \"seed\": -1}");
    assertEquals("must be a number in (0, 10]", errors.get("lr"));
    assertEquals("must be an integer from 0 to 2147483647", errors.get("seed"));
  }

  @Test
  void sizeIsOnlyCheckedAgainstAKnownModel() throws Exception {
    assertEquals(List.of("model"), List.copyOf(errors("{\"model\": \"resnet\","
        + " \"objective\": \"conv2:3\", \"size\": 4000}").keySet()));
  }

  @Test
  void modelAndObjectiveAreRequired() throws Exception {
    Map<String, String> errors = errors("{}");
    assertEquals("is required; models: [tiny]", errors.get("model"));
    assertTrue(errors.get("objective").startsWith("is required"));
  }

  @Test
  void unknownModelListsTheTenantsModels() throws Exception {
    assertEquals(Map.of("model", "unknown model 'resnet'; models: [tiny]"),
        errors("{\"model\": \"resnet\", \"objective\": \"conv2:3\"}"));
  }

  @Test
  void objectiveMustFitTheBatch() throws Exception {
    assertTrue(errors("{\"model\": \"tiny\", \"objective\": \"conv2:1; conv2:2\"}")
        .get("objective").contains("batch size is 1"));
    assertEquals(List.of("objective"), List.copyOf(errors("{\"model\": \"tiny\","
        + " \"objective\": \"conv2:(\"}").keySet()));
  }

  /** With an unknown kind, which fields belong is unknown: the render settings go unchecked. */
  @Test
  void unknownKindReportsOnlyTheCommonFields() throws Exception {
    Map<String, String> errors = errors("{\"kind\": \"sample\", \"model\": \"tiny\","
        + " \"objective\": \"conv2:3\", \"steps\": 0}");
    assertEquals(List.of("kind"), List.copyOf(errors.keySet()));
  }

  @Test
  void datasetExamplesSearchTheBuiltInPhotosByDefault() throws Exception {
    JobRequest request =
        read("{\"kind\": \"dataset_examples\", \"model\": \"tiny\", \"objective\": \"conv2:3\"}");
    assertEquals(JobKind.DATASET_EXAMPLES, request.kind());
    assertEquals(new DatasetExamplesSpec("photos", "public-datasets/photos/", 6),
        request.examples());
    // one scoring step per image, the frames at the end
    assertEquals(32, request.size());
    assertEquals(11, request.steps());
    assertEquals(List.of(11), request.thresholds());
  }

  @Test
  void renderAndDatasetSearchRefuseEachOthersFields() throws Exception {
    assertEquals(Map.of("steps", "not used by dataset_examples jobs"),
        errors("{\"kind\": \"dataset_examples\", \"model\": \"tiny\","
            + " \"objective\": \"conv2:3\", \"steps\": 10}"));
    assertTrue(errors("{\"model\": \"tiny\", \"objective\": \"conv2:3\", \"top_k\": 3}")
        .get("top_k").startsWith("only for dataset_examples jobs"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"conv2:3 + conv2:4", "logit:3", "conv2:1; conv2:2", "layer:conv2"})
  void datasetSearchTakesExactlyOneChannel(String objective) throws Exception {
    assertTrue(errors("{\"kind\": \"dataset_examples\", \"model\": \"tiny\", \"objective\": \""
        + objective + "\"}").get("objective").startsWith(
            "a dataset_examples job takes exactly one channel term"));
  }

  @Test
  void datasetSearchNeedsALayerWithPositions() throws Exception {
    assertTrue(errors("{\"kind\": \"dataset_examples\", \"model\": \"tiny\","
        + " \"objective\": \"logits:3\"}").get("objective")
        .startsWith("layer logits has no positions (1x1)"));
  }

  @Test
  void datasetAndTopKAreChecked() throws Exception {
    Map<String, String> errors = errors("{\"kind\": \"dataset_examples\", \"model\": \"tiny\","
        + " \"objective\": \"conv2:3\", \"dataset\": \"mine\", \"top_k\": 65}");
    assertEquals("unknown dataset 'mine'; datasets: photos", errors.get("dataset"));
    assertEquals("must be an integer from 1 to 64", errors.get("top_k"));
  }

  private static final String EXPLAIN = "\"kind\": \"explain\", \"model\": \"tiny\","
      + " \"layer\": \"conv2\", \"image\": {\"dataset\": \"photos\", \"name\": \"owl.jpg\"}";

  @Test
  void explainOfADatasetImageTakesTheDefaultsAndNamesItsLayer() throws Exception {
    JobRequest request = read("{" + EXPLAIN + "}");
    assertEquals(JobKind.EXPLAIN, request.kind());
    assertEquals(new ExplainSpec("owl.jpg", "public-datasets/photos/owl.jpg", "photos", "conv2",
        null, ExplainMethod.GRAD, ExplainLimits.DEFAULT_IG_STEPS, ExplainLimits.DEFAULT_GROUPS),
        request.explain());
    assertEquals("layer:conv2", request.objective());
    // the heatmap, then a map and a visualization per group
    assertEquals(1 + 2 * ExplainLimits.DEFAULT_GROUPS, request.batch());
    assertEquals(ExplainLimits.GROUP_RENDER_STEPS, request.steps());
    assertEquals(32, request.size());
    assertEquals(null, request.interpolate());
  }

  @Test
  void explainResolvesAClassLabelAndKeepsItsSettings() throws Exception {
    JobRequest request = read("{" + EXPLAIN + ", \"class\": \"Seven\", \"method\": \"ig\","
        + " \"ig_steps\": 8, \"groups\": 16, \"steps\": 64, \"size\": 48, \"seed\": 3}");
    assertEquals(new ExplainSpec("owl.jpg", "public-datasets/photos/owl.jpg", "photos", "conv2",
        7, ExplainMethod.IG, 8, 16), request.explain());
    assertEquals(List.of(64, 48, 3L, 33),
        List.of(request.steps(), request.size(), request.seed(), request.batch()));
    assertEquals(2, read("{" + EXPLAIN + ", \"class\": 2, \"groups\": 0}").explain()
        .classIndex());
  }

  @Test
  void explainRefusesEachBadInputNamingItsField() throws Exception {
    assertTrue(errors("{\"kind\": \"explain\", \"model\": \"tiny\", \"layer\": \"conv2\"}")
        .get("image").startsWith("is required"));
    assertTrue(errors("{" + EXPLAIN.replace("\"photos\"", "\"mine\"") + "}")
        .get("image.dataset").startsWith("unknown dataset 'mine'"));
    assertTrue(errors("{" + EXPLAIN.replace("owl.jpg", "cat.jpg") + "}").get("image.name")
        .startsWith("dataset photos has no image 'cat.jpg'"));
    assertTrue(errors("{" + EXPLAIN.replace("conv2", "conv9") + "}").get("layer")
        .startsWith("model tiny has no layer 'conv9'"));
    assertTrue(errors("{" + EXPLAIN.replace("conv2", "logits") + "}").get("layer")
        .startsWith("layer logits has no channels on a grid of positions (1x1)"));
    assertTrue(errors("{" + EXPLAIN + ", \"class\": 10}").get("class")
        .startsWith("class 10 out of range: the model has 10 classes"));
    assertTrue(errors("{" + EXPLAIN + ", \"class\": -1}").get("class").contains("class index"));
    assertTrue(errors("{" + EXPLAIN + ", \"class\": \"goldfish\"}").get("class")
        .startsWith("unknown class label 'goldfish'"));
    assertEquals("must be one of grad, ig", errors("{" + EXPLAIN + ", \"method\": \"lrp\"}")
        .get("method"));
    assertEquals("must be an integer from 1 to 256", errors("{" + EXPLAIN
        + ", \"method\": \"ig\", \"ig_steps\": 0}").get("ig_steps"));
    assertEquals("must be an integer from 0 to 16", errors("{" + EXPLAIN + ", \"groups\": 17}")
        .get("groups"));
    assertTrue(errors("{" + EXPLAIN.replace("conv2", "conv1") + ", \"groups\": 9}")
        .get("groups").startsWith("at most the layer's 8 channels"));
  }

  @Test
  void explainTakesNeitherObjectiveNorBatchAndOtherJobsNoExplainFields() throws Exception {
    Map<String, String> errors = errors("{" + EXPLAIN + ", \"objective\": \"conv2:3\","
        + " \"batch\": 2, \"top_k\": 3}");
    assertEquals(List.of("batch", "objective", "top_k"), List.copyOf(errors.keySet()));
    assertTrue(errors("{\"model\": \"tiny\", \"objective\": \"conv2:3\", \"layer\": \"conv2\"}")
        .get("layer").startsWith("only for explain jobs"));
  }

  @Test
  void explainNeedsAClassifier() throws Exception {
    ModelDescription features = new ModelDescription("features", "test", 32, 0f, 1f, List.of(),
        List.of(), TINY.layers(), List.of(), null);
    ModelCatalog catalog = mock(ModelCatalog.class);
    when(catalog.ready("features", TENANT)).thenReturn(Optional.of(features));
    JobSubmissionReader onFeatures = reader(catalog, mock(DatasetService.class));
    JsonNode body = JSON.readTree("{\"kind\": \"explain\", \"model\": \"features\","
        + " \"layer\": \"conv2\"}");
    ProblemException e = assertThrows(ProblemException.class, () -> onFeatures.read(body, TENANT));
    assertTrue(e.problem().errors().stream().anyMatch(f -> f.field().equals("model")
        && f.message().contains("not a classifier")));
  }

  @Test
  void interpolationIsExpandedIntoTheObjectiveAndBatch() throws Exception {
    JobRequest request = read("{\"model\": \"tiny\", \"interpolate\": {\"from\": \"conv2:1\","
        + " \"to\": \"conv2 : 5\", \"frames\": 3}}");
    InterpolationSpec strip = new InterpolationSpec("conv2:1", "conv2:5", 3);
    assertEquals(strip, request.interpolate());
    assertEquals(strip.objective().toGrammar(), request.objective());
    assertEquals(3, request.batch());
    assertEquals(InterpolationSpec.DEFAULT_FRAMES, read("{\"model\": \"tiny\", \"interpolate\":"
        + " {\"from\": \"conv2:1\", \"to\": \"conv1:5\"}}").batch());
  }

  @Test
  void interpolationRefusesBadEndsFramesAndObjectiveOrBatch() throws Exception {
    Map<String, String> errors = errors("{\"model\": \"tiny\", \"objective\": \"conv2:1\","
        + " \"batch\": 2, \"interpolate\": {\"from\": \"conv2:99\", \"to\": \"conv2:1; conv2:2\","
        + " \"frames\": 17, \"steps\": 3}}");
    assertEquals(List.of("batch", "interpolate.frames", "interpolate.from.channel",
        "interpolate.steps", "interpolate.to", "objective"), List.copyOf(errors.keySet()));
    assertEquals("must be an integer from 2 to 16", errors.get("interpolate.frames"));
    assertEquals("must be one objective, not a ';' list", errors.get("interpolate.to"));
    assertTrue(errors.get("objective").startsWith("not with interpolate"));
    assertTrue(errors("{\"model\": \"tiny\", \"interpolate\": \"conv2:1 to conv2:2\"}")
        .get("interpolate").startsWith("must be an object"));
    assertTrue(errors("{\"model\": \"tiny\", \"interpolate\": {\"to\": \"conv2:2\"}}")
        .get("interpolate.from").startsWith("is required"));
  }
}
