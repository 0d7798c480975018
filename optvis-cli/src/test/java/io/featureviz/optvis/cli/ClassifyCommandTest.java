package io.featureviz.optvis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.featureviz.optvis.testing.SharedFiles;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code fv classify}: one JSON object per image with its top classes, bad input exits 2. */
class ClassifyCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void pointAtSharedModels() {
    System.setProperty("fv.models.dir", SharedFiles.dir().resolve("models").toString());
  }

  @Test
  void printsTheTopClassesOfEachImageAsJson() throws Exception {
    FvCliTest.Run run = FvCliTest.fv("classify", "--model", "mobilenet_v2", "--top", "3",
        "--json", SharedFiles.images().resolve("grace_hopper.bmp").toString(),
        SharedFiles.images().resolve("hot_dog.jpg").toString());
    assertEquals(0, run.status(), run.err());
    List<JsonNode> lines = run.out().lines().filter(l -> l.startsWith("{"))
        .map(ClassifyCommandTest::parse).toList();
    assertEquals(2, lines.size(), run.out());
    assertTrue(lines.get(0).get("image").asText().endsWith("grace_hopper.bmp"));
    assertEquals("military uniform", lines.get(0).get("top").get(0).get("label").asText());
    assertTrue(lines.get(1).get("top").get(0).get("label").asText().startsWith("hotdog"),
        lines.get(1).toString());
    for (JsonNode line : lines) {
      JsonNode top = line.get("top");
      assertEquals(3, top.size());
      double previous = 1.0;
      for (JsonNode cls : top) {
        double p = cls.get("probability").asDouble();
        assertTrue(p > 0 && p <= previous, "probabilities fall: " + top);
        assertTrue(cls.get("index").asInt() >= 0);
        previous = p;
      }
    }
  }

  @Test
  void refusesATopBelowOneAndAMissingImage() {
    FvCliTest.Run zero = FvCliTest.fv("classify", "--model", "mobilenet_v2", "--top", "0",
        SharedFiles.images().resolve("owl.jpg").toString());
    assertEquals(FvCli.BAD_INPUT, zero.status());
    assertTrue(zero.err().contains("--top"), zero.err());
    FvCliTest.Run missing = FvCliTest.fv("classify", "--model", "mobilenet_v2", "no-such.jpg");
    assertEquals(FvCli.BAD_INPUT, missing.status());
    assertTrue(missing.err().contains("no-such.jpg"), missing.err());
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(line, e);
    }
  }
}
