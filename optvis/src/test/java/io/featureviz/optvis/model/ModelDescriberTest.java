package io.featureviz.optvis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.optvis.model.onnx.TinyOnnx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The describer as the worker runs it: a JVM of its own, the description alone on stdout. */
class ModelDescriberTest {

  @TempDir
  Path dir;

  private record Run(int exit, String stdout, String stderr) {}

  private Run describe(Path folder) throws IOException, InterruptedException {
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ModelDescriber.class.getName(), folder.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int exit = process.waitFor();
    return new Run(exit, Files.readString(out), Files.readString(err));
  }

  /** Laid out as job-api stores an ONNX upload: the folder is named after the model's id. */
  private Path onnxUpload(String id, byte[] model) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(id));
    Files.write(folder.resolve("net.onnx"), model);
    Files.writeString(folder.resolve("featureviz-model.json"),
        "{\"id\": \"" + id + "\", \"format\": \"onnx\", \"model\": \"net.onnx\"}");
    return folder;
  }

  @Test
  void printsTheDescriptionOfTheModelAsLoadedInProcess() throws Exception {
    Path folder = onnxUpload("tiny", TinyOnnx.model(13, TinyOnnx.convRelu(),
        List.of(TinyOnnx.tensor("w", TinyOnnx.WEIGHT_SHAPE, TinyOnnx.weights()))));

    Run run = describe(folder);

    assertEquals(ModelDescriber.DESCRIBED, run.exit(), run.stderr());
    ModelDescription printed = Messages.mapper().readValue(
        run.stdout().getBytes(StandardCharsets.UTF_8), ModelDescription.class);
    assertEquals(ModelDescriber.describe(folder), printed);
    assertEquals("tiny", printed.id());
    assertEquals(4, printed.layer("relu").orElseThrow().channels());
    assertEquals(1, run.stdout().strip().lines().count(), run.stdout());
  }

  @Test
  void aRefusedModelExitsWithTheEnginesMessageAsTheLastLineOfStderr() throws Exception {
    Path folder = onnxUpload("broken", TinyOnnx.model(13, List.of(TinyOnnx.node(
        "NonMaxSuppression", "boxes/nms", List.of("image"), List.of("y"))), List.of()));

    Run run = describe(folder);

    assertEquals(ModelDescriber.REFUSED, run.exit(), run.stderr());
    assertEquals("", run.stdout());
    List<String> lines = run.stderr().strip().lines().toList();
    String message = lines.get(lines.size() - 1);
    assertTrue(message.contains("unsupported operator") && message.contains("'boxes/nms'"),
        run.stderr());
    assertTrue(run.stderr().lines().noneMatch(l -> l.startsWith("\tat ")), run.stderr());
  }

  @Test
  void aMessageOnSeveralLinesIsPrintedOnOne() {
    assertEquals("first second",
        ModelDescriber.oneLine(new IllegalArgumentException("first\n  second\n")));
    assertEquals("java.lang.IllegalStateException",
        ModelDescriber.oneLine(new IllegalStateException()));
  }
}
