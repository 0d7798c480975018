package io.featureviz.optvis.cli;

import static io.featureviz.optvis.cli.FvCliTest.fv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.featureviz.optvis.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command takes an ONNX model by path: here the shared ONNX MobileNetV2, through a
 * {@code featureviz-model.json} in another folder that names the model and labels by absolute
 * path.
 */
class OnnxModelCommandsTest {

  private static final Path SHARED = SharedFiles.dir().resolve("models/mobilenet_v2_1.0_224_onnx");

  @TempDir
  static Path dir;

  @BeforeAll
  static void writeMetadata() throws IOException {
    System.setProperty("fv.models.dir", SharedFiles.dir().resolve("models").toString());
    Map<String, Object> metadata = Map.of("format", "onnx", "id", "mobilenet_v2_onnx",
        "model", SHARED.resolve("mobilenet_v2_1.0_224.onnx").toString(),
        "labels", SHARED.resolve("imagenet_labels.txt").toString(),
        "value_range", new float[] {0, 1});
    Files.writeString(dir.resolve("featureviz-model.json"),
        new ObjectMapper().writeValueAsString(metadata));
  }

  private static String model() {
    return dir.toString();
  }

  @Test
  void modelsAndLayersDescribeItsInput() throws Exception {
    FvCliTest.Run models = fv("models", model(), "--json");
    assertEquals(0, models.status(), models.err());
    JsonNode list = models.lastJson().get("models");
    assertEquals("{\"value_range\":[-1.0,0.9921875]}",
        list.get(0).get("input").get("normalization").toString());
    JsonNode onnx = list.get(list.size() - 1);
    assertEquals(model(), onnx.get("id").asText());
    assertEquals("onnx", onnx.get("format").asText(), onnx.toString());
    FvCliTest.Run layers = fv("layers", model(), "--json");
    assertEquals(0, layers.status(), layers.err());
    JsonNode json = layers.lastJson();
    assertEquals("mobilenet_v2_onnx", json.get("model").asText());
    assertEquals(224, json.get("input").get("size").asInt());
    assertEquals("{\"value_range\":[0.0,1.0]}",
        json.get("input").get("normalization").toString());
    assertEquals("logits", json.get("logits_layer").asText());
    assertEquals(1001, json.get("labels").size());
    boolean found = false;
    for (JsonNode layer : json.get("layers")) {
      if (layer.get("name").asText().equals("/expanded_conv_9/Add")) {
        assertEquals(64, layer.get("channels").asInt());
        found = true;
      }
    }
    assertTrue(found, "no layer /expanded_conv_9/Add");
  }

  @Test
  void aModelWithoutMetadataSaysItTakesImagenetMeanAndStd() throws Exception {
    FvCliTest.Run layers = fv("layers", SHARED.resolve("mobilenet_v2_1.0_224.onnx").toString(),
        "--json");
    assertEquals(0, layers.status(), layers.err());
    JsonNode normalization = layers.lastJson().get("input").get("normalization");
    assertEquals("[0.485,0.456,0.406]", normalization.get("mean").toString());
    assertEquals("[0.229,0.224,0.225]", normalization.get("std").toString());
  }

  @Test
  void rendersAnExactlyNamedLayer(@TempDir Path out) throws Exception {
    FvCliTest.Run run = fv("render", "--model", model(), "--objective",
        "/expanded_conv_9/Add:3", "--size", "64", "--steps", "4", "--thresholds", "4",
        "--out", out.toString(), "--json", "--quiet");
    assertEquals(0, run.status(), run.err());
    JsonNode files = run.lastJson().get("files");
    assertEquals(1, files.size());
    assertTrue(Files.size(Path.of(files.get(0).asText())) > 100);
  }

  @Test
  void scoresAndClassifiesAsTheTfliteImportDoes() throws Exception {
    String hopper = SharedFiles.images().resolve("grace_hopper.bmp").toString();
    FvCliTest.Run score = fv("score", "--model", model(), "--objective",
        "softmax:\"military uniform\"", hopper, "--json");
    assertEquals(0, score.status(), score.err());
    double probability = score.lastJson().get("value").asDouble();
    assertTrue(probability > 0.5 && probability <= 1, "probability " + probability);
    FvCliTest.Run classify = fv("classify", "--model", model(), "--top", "2", "--json", hopper);
    assertEquals(0, classify.status(), classify.err());
    JsonNode top = classify.lastJson().get("top");
    assertEquals(2, top.size());
    assertEquals("military uniform", top.get(0).get("label").asText());
  }

  @Test
  void benchReportsItsFigures() throws Exception {
    FvCliTest.Run run = fv("bench", "--model", model(), "--size", "64", "--steps", "2",
        "--warmup", "1", "--redirect-relu-steps", "0", "--json");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.lastJson().get("ms_per_step").asDouble() > 0, run.out());
  }

  @Test
  void aGarbageOnnxFileExitsTwoNamingTheProblem() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.onnx"), "this is no protobuf");
    FvCliTest.Run run = fv("layers", garbage.toString());
    assertEquals(FvCli.BAD_INPUT, run.status(), run.err());
    assertTrue(run.err().contains("garbage.onnx is not a valid ONNX protobuf"), run.err());
  }
}
