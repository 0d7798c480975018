package io.featureviz.optvis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.featureviz.optvis.testing.SharedFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command-line contract: JSON keys, files written, exit codes and error messages. */
class FvCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one command printed and returned. */
  record Run(int status, String out, String err) {
    JsonNode lastJson() throws Exception {
      List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
      return JSON.readTree(lines.get(lines.size() - 1));
    }
  }

  @BeforeAll
  static void pointAtSharedModels() {
    System.setProperty("fv.models.dir", SharedFiles.dir().resolve("models").toString());
  }

  static synchronized Run fv(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int status = FvCli.run(args);
      return new Run(status, outBytes.toString(StandardCharsets.UTF_8),
          errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static void assertKeys(JsonNode json, String... keys) {
    for (String key : keys) {
      assertTrue(json.has(key), "missing key " + key + " in " + json);
    }
  }

  @Test
  void renderWritesOnePngPerThresholdAndReportsJson(@TempDir Path out) throws Exception {
    Run run = fv("render", "--model", "mobilenet_v2", "--objective", "expanded_conv_5/add:3",
        "--size", "48", "--steps", "6", "--thresholds", "3,6", "--seed", "2", "--batch", "2",
        "--out", out.toString(), "--json", "--quiet");
    assertEquals(0, run.status(), run.err());
    JsonNode json = run.lastJson();
    assertKeys(json, "model", "objective", "size", "batch", "steps", "seed", "seconds",
        "steps_per_second", "objective_values", "files");
    assertEquals(48, json.get("size").asInt());
    assertEquals(2, json.get("batch").asInt());
    assertTrue(json.get("objective_values").has("3") && json.get("objective_values").has("6"));
    assertEquals(2, json.get("files").size());
    for (JsonNode file : json.get("files")) {
      assertTrue(Files.size(Path.of(file.asText())) > 100, file.asText());
    }
  }

  /**
   * Every engine setting left to its default (thresholds, lr, param, decay power, transforms,
   * redirected ReLUs) renders the bytes recorded when the step got cheaper (#11).
   */
  @Test
  void renderWithDefaultSettingsKeepsItsPinnedBytes(@TempDir Path out) throws Exception {
    Run run = fv("render", "--model", "mobilenet_v2", "--objective", "expanded_conv_5/add:5",
        "--size", "64", "--steps", "8", "--out", out.toString(), "--quiet");
    assertEquals(0, run.status(), run.err());
    List<String> files = run.out().lines().toList();
    assertEquals(3, files.size(), "steps/4, steps/2 and steps: " + run.out());
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (String file : files) {
      digest.update(Files.readAllBytes(Path.of(file)));
    }
    // one per kind of machine, as in PinnedRenderBytesTest: AVX2 with oneDNN since the colour
    // kernel (an AVX-512 machine records its own again)
    String actual = HexFormat.of().formatHex(digest.digest());
    assertTrue(List.of("22b44110206668cc7f960a33f283e2c22254c36edf5030e0cc4a957d5996ae5a")
        .contains(actual), actual);
  }

  @Test
  void scorePrintsOneObjectPerImage() throws Exception {
    List<Path> photos = SharedFiles.photos().subList(0, 2);
    Run run = fv("score", "--model", "mobilenet_v2", "--objective", "softmax:\"military uniform\"",
        photos.get(0).toString(), photos.get(1).toString(), "--json");
    assertEquals(0, run.status(), run.err());
    List<String> lines = run.out().lines().filter(l -> l.startsWith("{")).toList();
    assertEquals(2, lines.size());
    for (String line : lines) {
      JsonNode json = JSON.readTree(line);
      assertKeys(json, "image", "value");
      double value = json.get("value").asDouble();
      assertTrue(value >= 0 && value <= 1, "a probability: " + value);
    }
  }

  @Test
  void modelsAndLayersDescribeTheCatalog() throws Exception {
    Run models = fv("models", "--json");
    assertEquals(0, models.status(), models.err());
    JsonNode list = models.lastJson().get("models");
    assertEquals("mobilenet_v2", list.get(0).get("id").asText());
    assertTrue(list.get(0).get("available").asBoolean(), list.toString());
    Run layers = fv("layers", "inception_v3", "--json");
    assertEquals(0, layers.status(), layers.err());
    JsonNode mixed4 = layers.lastJson().get("layers").get(4);
    assertEquals("mixed4", mixed4.get("name").asText());
    assertEquals(768, mixed4.get("channels").asInt());
  }

  @Test
  void benchReportsItsFigures() throws Exception {
    Run run = fv("bench", "--model", "mobilenet_v2", "--size", "64", "--steps", "2",
        "--warmup", "1", "--redirect-relu-steps", "0", "--json");
    assertEquals(0, run.status(), run.err());
    JsonNode json = run.lastJson();
    assertKeys(json, "ms_per_step", "steps_per_second", "forward_backward_ms", "overhead_pct",
        "gflop_per_step", "achieved_gflops", "peak_rss_mb");
    assertTrue(json.get("gflop_per_step").asDouble() > 0.01, json.toString());
    assertTrue(json.get("overhead_by_op_ms") == null, "a breakdown unasked: " + json);
  }

  @Test
  void benchBreaksTheTimeAroundTheNetworkDownByKernel() throws Exception {
    Run run = fv("bench", "--model", "mobilenet_v2", "--size", "64", "--steps", "2",
        "--warmup", "1", "--redirect-relu-steps", "0", "--breakdown", "--json");
    assertEquals(0, run.status(), run.err());
    JsonNode breakdown = run.lastJson().get("overhead_by_op_ms");
    assertTrue(breakdown != null && breakdown.isObject(), run.out());
    // The standard render's own kernels, which the network's passes never run.
    for (String kernel : List.of("IRFFT2D", "RFFT2D", "ImageProjectiveTransformV3",
        "ResourceApplyAdam")) {
      assertTrue(breakdown.has(kernel) && breakdown.get(kernel).asDouble() > 0,
          kernel + " missing: " + breakdown);
    }
    assertTrue(breakdown.has("other") && breakdown.has("shared"), breakdown.toString());
    Run text = fv("bench", "--model", "mobilenet_v2", "--size", "64", "--steps", "2",
        "--warmup", "1", "--redirect-relu-steps", "0", "--breakdown");
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().lines().anyMatch(line -> line.trim().startsWith("IRFFT2D ")
        && line.endsWith("%")), text.out());
  }

  @Test
  void examplesPrintsOneObjectPerExampleAndWritesItsCrop(@TempDir Path out) throws Exception {
    List<Path> photos = SharedFiles.photos().subList(0, 3);
    Run run = fv("examples", "--model", "mobilenet_v2", "--objective",
        "expanded_conv_9/project:11", "--top", "2", "--crop-size", "48", "--out", out.toString(),
        "--json", photos.get(0).toString(), photos.get(1).toString(), photos.get(2).toString());
    assertEquals(0, run.status(), run.err());
    List<String> lines = run.out().lines().filter(l -> l.startsWith("{")).toList();
    assertEquals(2, lines.size(), run.out());
    for (int rank = 0; rank < lines.size(); rank++) {
      JsonNode json = JSON.readTree(lines.get(rank));
      assertKeys(json, "rank", "image", "max_activation", "mean_activation", "position", "crop",
          "source_size", "crop_png");
      assertEquals(rank, json.get("rank").asInt());
      assertEquals(2, json.get("position").size());
      assertEquals(4, json.get("crop").size());
      assertEquals(2, json.get("source_size").size());
      String image = Path.of(json.get("image").asText()).getFileName().toString();
      Path png = Path.of(json.get("crop_png").asText());
      assertEquals(out.resolve(rank + "-" + image.substring(0, image.lastIndexOf('.')) + ".png"),
          png);
      BufferedImage crop = ImageIO.read(png.toFile());
      assertEquals(48, crop.getWidth());
      assertEquals(48, crop.getHeight());
    }
    assertTrue(JSON.readTree(lines.get(0)).get("max_activation").asDouble()
        >= JSON.readTree(lines.get(1)).get("max_activation").asDouble(), run.out());
  }

  @Test
  void examplesSearchesTheImagesOfAFolderAndRejectsBadSettings(@TempDir Path dir)
      throws Exception {
    Files.copy(SharedFiles.photos().get(0), dir.resolve("b.jpg"));
    Files.copy(SharedFiles.photos().get(1), dir.resolve("a.jpg"));
    Files.writeString(dir.resolve("notes.txt"), "not searched: no image extension");
    Run folder = fv("examples", "--model", "mobilenet_v2", "--objective", "Conv_1:7",
        "--top", "5", dir.toString());
    assertEquals(0, folder.status(), folder.err());
    assertEquals(2, folder.out().lines().filter(l -> l.contains(".jpg")).count(), folder.out());

    Files.writeString(dir.resolve("broken.png"), "not an image");
    Run broken = fv("examples", "--model", "mobilenet_v2", "--objective", "Conv_1:7",
        dir.toString());
    assertEquals(2, broken.status());
    assertTrue(broken.err().contains("broken.png"), broken.err());
    Run top = fv("examples", "--model", "mobilenet_v2", "--objective", "Conv_1:7", "--top", "0",
        dir.toString());
    assertEquals(2, top.status());
    assertTrue(top.err().contains("--top"), top.err());
    Run crop = fv("examples", "--model", "mobilenet_v2", "--objective", "Conv_1:7",
        "--crop-size", "2048", dir.toString());
    assertEquals(2, crop.status());
    assertTrue(crop.err().contains("--crop-size"), crop.err());
    Run notChannel = fv("examples", "--model", "mobilenet_v2", "--objective", "layer:Conv_1",
        dir.toString());
    assertEquals(2, notChannel.status());
    assertTrue(notChannel.err().contains("exactly one channel"), notChannel.err());
  }

  @Test
  void badInputExitsWithStatusTwoAndSaysWhatIsWrong() {
    Run syntax = fv("render", "--model", "mobilenet_v2", "--objective", "expanded_conv_5/add:",
        "--steps", "2");
    assertEquals(2, syntax.status());
    assertTrue(syntax.err().contains("position"), syntax.err());
    Run channel = fv("render", "--model", "mobilenet_v2", "--objective", "Conv:999",
        "--steps", "2");
    assertEquals(2, channel.status());
    assertTrue(channel.err().contains("out of range"), channel.err());
    Run model = fv("layers", "no_such_model");
    assertEquals(2, model.status());
    assertTrue(model.err().contains("unknown model"), model.err());
    Run threshold = fv("render", "--model", "mobilenet_v2", "--objective", "Conv:1",
        "--steps", "4", "--thresholds", "9");
    assertEquals(2, threshold.status());
    assertTrue(threshold.err().contains("--thresholds must be an integer from 1 to 4, not 9"),
        threshold.err());
  }

  /** Each number just outside the range the job API takes, and the message that says so. */
  static Stream<Arguments> numbersOutOfRange() {
    return Stream.of(
        Arguments.of(List.of("render", "--lr", "0"), "--lr must be a number in (0, 10], not 0.0"),
        Arguments.of(List.of("render", "--lr", "10.5"), "--lr must be a number in (0, 10]"),
        Arguments.of(List.of("render", "--steps", "10001"),
            "--steps must be an integer from 1 to 10000, not 10001"),
        Arguments.of(List.of("render", "--batch", "17"), "--batch must be an integer from 1 to 16"),
        Arguments.of(List.of("render", "--seed", "-1"),
            "--seed must be an integer from 0 to 2147483647"),
        Arguments.of(List.of("render", "--decay-power", "4.5"),
            "--decay-power must be a number in [0, 4]"),
        Arguments.of(List.of("render", "--redirect-relu-steps", "-1"),
            "--redirect-relu-steps must be an integer from 0 to 10000"),
        Arguments.of(List.of("render", "--size", "15"), "--size must be an integer from 16 to 896"),
        // 4 times mobilenet_v2's 224 px
        Arguments.of(List.of("render", "--size", "897"),
            "--size must be an integer from 16 to 896, not 897"),
        Arguments.of(List.of("examples", "--top", "65"),
            "--top must be an integer from 1 to 64, not 65"),
        Arguments.of(List.of("bench", "--batch", "0"), "--batch must be an integer from 1 to 16"),
        Arguments.of(List.of("bench", "--warmup", "-1"), "--warmup must be an integer from 0"),
        Arguments.of(List.of("bench", "--size", "897"), "--size must be an integer from 16 to 896"),
        Arguments.of(List.of("panel", "--steps", "0"), "--steps must be an integer from 1"),
        // inception_v3 takes 299 px, mobilenet_v2 224: 4 times the smaller is the panel's limit
        Arguments.of(List.of("panel", "--size", "1000"),
            "--size must be an integer from 16 to 896"));
  }

  @ParameterizedTest
  @MethodSource("numbersOutOfRange")
  void aNumberOutsideItsRangeExitsWithStatusTwoAndWritesNothing(List<String> command,
      String message, @TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    List<String> args = new ArrayList<>(command);
    args.addAll(switch (command.get(0)) {
      case "render" -> List.of("--model", "mobilenet_v2", "--objective", "Conv:1", "--out",
          out.toString(), "--quiet");
      case "examples" -> List.of("--model", "mobilenet_v2", "--objective", "Conv_1:7", "--out",
          out.toString(), SharedFiles.photos().get(0).toString());
      case "bench" -> List.of("--model", "mobilenet_v2");
      default -> List.of("--out", out.toString(), "--quiet");
    });
    Run run = fv(args.toArray(String[]::new));
    assertEquals(2, run.status(), run.err());
    assertTrue(run.err().contains(message), run.err());
    assertFalse(Files.exists(out), "nothing is written");
  }
}
