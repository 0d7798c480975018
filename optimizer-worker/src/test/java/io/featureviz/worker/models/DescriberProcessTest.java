package io.featureviz.worker.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.model.ModelDescriber;
import io.featureviz.optvis.model.onnx.TinyOnnx;
import io.featureviz.worker.models.DescriberProcess.Outcome;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the importing JVM is started, and what its end means for the import. */
class DescriberProcessTest {

  private static final Path FOLDER = Path.of("/var/cache/fv/models/upload-1");

  @TempDir
  Path dir;

  private final DescriberProcess process =
      new DescriberProcess("1g", Duration.ofMinutes(5), Optional.empty());

  @Test
  void fromAQuarkusFastJarTheChildTakesTheLibrariesBesideIt() {
    assertEquals("/deployments/lib/boot/*" + File.pathSeparator + "/deployments/lib/main/*",
        DescriberProcess.classpath("/deployments/quarkus-run.jar"));
    String tests = "target/classes" + File.pathSeparator + "a.jar";
    assertEquals(tests, DescriberProcess.classpath(tests));
  }

  @Test
  void theChildHasTheHeapLimitAndExitsOnOutOfMemory() {
    List<String> command = process.command(FOLDER);
    assertTrue(command.containsAll(List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError")), command.toString());
    assertEquals(List.of(ModelDescriber.class.getName(), FOLDER.toString()),
        command.subList(command.size() - 2, command.size()));
  }

  @Test
  void aRefusalIsTheEnginesLastLineWithoutTheFolder() {
    Outcome outcome = process.outcome(ModelDescriber.REFUSED, "",
        "SLF4J(W): a warning\ncannot load model " + FOLDER + ": " + FOLDER
            + "/upload-1.tflite is not a TFLite model\n", FOLDER);
    assertEquals("cannot load model upload-1: upload-1.tflite is not a TFLite model",
        outcome.reason());
  }

  @Test
  void runningOutOfMemoryCrashingAndSilenceAreToldApart() {
    assertEquals("the import ran out of memory (max heap 1g)", process.outcome(
        DescriberProcess.OUT_OF_MEMORY_EXIT,
        "Terminating due to java.lang.OutOfMemoryError: Java heap space\n", "", FOLDER).reason());
    assertEquals("the import process crashed (exit code 134)",
        process.outcome(134, "", "# A fatal error has been detected\n", FOLDER).reason());
    assertEquals("the import process crashed (exit code 1)",
        process.outcome(ModelDescriber.REFUSED, "", "", FOLDER).reason());
    assertEquals("the import process wrote no model description",
        process.outcome(ModelDescriber.DESCRIBED, "", "", FOLDER).reason());
  }

  @Test
  void aChildPastTheTimeoutIsKilledAndTheImportFails() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("tiny"));
    Files.write(folder.resolve("tiny.onnx"), TinyOnnx.model(13, TinyOnnx.convRelu(),
        List.of(TinyOnnx.tensor("w", TinyOnnx.WEIGHT_SHAPE, TinyOnnx.weights()))));
    DescriberProcess hasty = new DescriberProcess("1g", Duration.ofMillis(200), Optional.empty());

    long start = System.nanoTime();
    Outcome outcome = hasty.describe(folder);

    assertEquals("the import took longer than 0.2s", outcome.reason());
    assertFalse(outcome.isDescribed());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
  }
}
