package io.featureviz.optvis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.optvis.cli.FvCliTest.Run;
import io.featureviz.optvis.testing.SharedFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code fv render --interpolate A B --frames N}: its files, and its refusals. */
class InterpolateOptionTest {

  private static final List<String> ENDS = List.of("--interpolate", "Conv_1:7", "Conv_1:9");

  @BeforeAll
  static void pointAtSharedModels() {
    System.setProperty("fv.models.dir", SharedFiles.dir().resolve("models").toString());
  }

  @Test
  void writesEachFrameAndTheStrip(@TempDir Path out) throws Exception {
    List<String> args = new ArrayList<>(List.of("render", "--model", "mobilenet_v2", "--frames",
        "3", "--size", "32", "--steps", "2", "--thresholds", "2", "--out", out.toString(),
        "--quiet", "--json"));
    args.addAll(ENDS);
    Run run = FvCliTest.fv(args.toArray(String[]::new));
    assertEquals(0, run.status(), run.err());
    JsonNode json = run.lastJson();
    assertEquals(3, json.get("batch").asInt());
    assertEquals("Conv_1:7", json.get("interpolate").get("from").asText());
    assertEquals(3, json.get("interpolate").get("frames").asInt());
    // The step's strip, three frames, the strip again under its own name.
    assertEquals(5, json.get("files").size(), json.toString());
    BufferedImage strip = ImageIO.read(out.resolve(RenderCommand.INTERPOLATION_STRIP).toFile());
    assertEquals(32, strip.getHeight());
    assertTrue(strip.getWidth() > 3 * 32, "frames side by side: " + strip.getWidth());
  }

  static Stream<Arguments> misuses() {
    return Stream.of(
        Arguments.of(List.of("--objective", "Conv_1:7"), "drop --objective"),
        Arguments.of(List.of("--batch", "3"), "drop --batch"),
        Arguments.of(List.of("--frames", "17"), "--frames must be an integer from 2 to 16"),
        Arguments.of(List.of("--frames", "1"), "--frames must be an integer from 2 to 16"));
  }

  @ParameterizedTest
  @MethodSource("misuses")
  void misuseExitsWithStatusTwoAndWritesNothing(List<String> extra, String message,
      @TempDir Path dir) {
    Path out = dir.resolve("out");
    List<String> args = new ArrayList<>(List.of("render", "--model", "mobilenet_v2", "--out",
        out.toString(), "--quiet"));
    args.addAll(ENDS);
    args.addAll(extra);
    Run run = FvCliTest.fv(args.toArray(String[]::new));
    assertEquals(2, run.status(), run.err());
    assertTrue(run.err().contains(message), run.err());
    assertFalse(Files.exists(out), "nothing is written");
  }

  @Test
  void framesWithoutInterpolateOrNoObjectiveAtAllExitWithStatusTwo() {
    Run frames = FvCliTest.fv("render", "--model", "mobilenet_v2", "--objective", "Conv_1:7",
        "--frames", "4", "--steps", "2");
    assertEquals(2, frames.status());
    assertTrue(frames.err().contains("--frames needs --interpolate"), frames.err());
    Run none = FvCliTest.fv("render", "--model", "mobilenet_v2", "--steps", "2");
    assertEquals(2, none.status());
    assertTrue(none.err().contains("--objective"), none.err());
    Run badEnd = FvCliTest.fv("render", "--model", "mobilenet_v2", "--interpolate", "Conv_1:7",
        "Conv_1:99999", "--steps", "2");
    assertEquals(2, badEnd.status());
    assertTrue(badEnd.err().contains("out of range"), badEnd.err());
  }
}
