package io.featureviz.optvis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.optvis.testing.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code fv explain}: one JSON object with the explanation and its files; bad input exits 2. */
class ExplainCommandTest {

  private static final String PHOTO = SharedFiles.images().resolve("hot_dog.jpg").toString();

  @BeforeAll
  static void pointAtSharedModels() {
    System.setProperty("fv.models.dir", SharedFiles.dir().resolve("models").toString());
  }

  @Test
  void printsTheExplanationAndItsFilesAsOneJsonObject(@TempDir Path out) throws Exception {
    FvCliTest.Run run = FvCliTest.fv("explain", "--model", "mobilenet_v2", "--layer",
        "expanded_conv_12/add", "--class", "hotdog", "--groups", "0", "--out", out.toString(),
        "--json", PHOTO);
    assertEquals(0, run.status(), run.err());
    JsonNode json = run.lastJson();
    for (String key : new String[] {"model", "layer", "image", "method", "class", "top_classes",
        "channels", "grid_width", "grid_height", "positions", "groups", "files"}) {
      assertTrue(json.has(key), "missing " + key + " in " + json.fieldNames());
    }
    assertEquals(PHOTO, json.get("image").asText());
    assertEquals("grad", json.get("method").asText());
    assertTrue(json.get("class").get("label").asText().startsWith("hotdog"), json.get("class")
        .toString());
    assertEquals(96, json.get("channels").size());
    double first = json.get("channels").get(0).get("attribution").asDouble();
    assertTrue(first >= json.get("channels").get(1).get("attribution").asDouble());
    assertEquals(14 * 14, json.get("positions").size());
    Path heatmap = out.resolve("heatmap.png");
    assertEquals(heatmap.toString(), json.get("files").get(0).asText());
    assertTrue(Files.size(heatmap) > 1000);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--method|shap|--method must be one of grad, ig",
      "--groups|17|--groups",
      "--ig-steps|0|--ig-steps",
      "--steps|0|--steps",
      "--class|no such label|no label of model mobilenet_v2",
      "--layer|expanded_conv_99/add|no layer 'expanded_conv_99/add'",
      "--layer|logits|no spatial grid"})
  void refusesBadOptionsWithExitTwo(String option, String value, String message) {
    String layer = option.equals("--layer") ? value : "expanded_conv_12/add";
    String other = option.equals("--layer") ? "--groups" : option;
    String otherValue = option.equals("--layer") ? "0" : value;
    FvCliTest.Run run = FvCliTest.fv("explain", "--model", "mobilenet_v2", "--layer", layer,
        other, otherValue, PHOTO);
    assertEquals(FvCli.BAD_INPUT, run.status(), run.out());
    assertTrue(run.err().contains(message), run.err());
  }

  @Test
  void refusesAMissingImage() {
    FvCliTest.Run run = FvCliTest.fv("explain", "--model", "mobilenet_v2", "--layer",
        "expanded_conv_12/add", "no-such.jpg");
    assertEquals(FvCli.BAD_INPUT, run.status());
    assertTrue(run.err().contains("no-such.jpg"), run.err());
  }
}
