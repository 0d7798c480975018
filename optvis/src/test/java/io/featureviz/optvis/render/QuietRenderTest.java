package io.featureviz.optvis.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.model.onnx.OnnxFixtures;
import io.featureviz.optvis.model.onnx.TinyOnnx;
import io.featureviz.optvis.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal render logs no error. TensorFlow's C++ runtime writes its log to the process's file
 * descriptor 2, which {@code System.err} never sees, so the renders run in a child JVM with every
 * TensorFlow log level on, and its whole output is read.
 */
class QuietRenderTest {

  /**
   * TensorFlow's error and fatal lines ({@code ... E tensorflow/core/...cc:390] ...}, any source
   * path), and Java's error levels.
   */
  static final Pattern ERROR_LINE =
      Pattern.compile("(^|\\s)[EF] \\S+:\\d+\\]|\\bERROR\\b|\\bSEVERE\\b");
  private static final List<String> RENDERS = List.of(
      "inception_v3", "mixed4:97",
      "mobilenet_v2", "expanded_conv_9/add:3",
      SharedFiles.dir().resolve("models/mobilenet_v2_1.0_224_onnx/mobilenet_v2_1.0_224.onnx")
          .toAbsolutePath().toString(), "/expanded_conv_9/Add:3");
  private static final List<String> ONNX_FIXTURES =
      List.of("mobilenet_v3_small", "resnet18", "regnet_y_400mf");

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void rendersOfEveryModelFormatLogNoError() throws IOException, InterruptedException {
    assertRendersLogNoError(RENDERS);
  }

  /**
   * ONNX graphs that made TensorFlow's optimizer fail: a Conv without bias and the
   * BatchNormalization after it (always, a tiny model), and where the build made the torchvision
   * fixtures (src/test/onnx/README.md) MobileNetV3's HardSigmoid after convolutions whose bias is
   * zero, and the residual sums before ReLUs of ResNet and RegNet.
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void rendersOfOnnxGraphsTheOptimizerRewritesLogNoError(@TempDir Path dir)
      throws IOException, InterruptedException {
    List<String> renders = new ArrayList<>(List.of(
        Files.write(dir.resolve("conv_bn.onnx"), TinyOnnx.convBatchNormRelu()).toString(),
        "norm:1"));
    for (String fixture : ONNX_FIXTURES) {
      OnnxFixtures.model(fixture).ifPresent(model -> renders.addAll(
          List.of(model.toString(), "/avgpool/GlobalAveragePool:3")));
    }
    assertRendersLogNoError(renders);
  }

  /** Runs {@link LoggedRenders} on {@code renders} in a child JVM and reads all it logs. */
  private static void assertRendersLogNoError(List<String> renders)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfv.shared.dir=" + SharedFiles.dir().toAbsolutePath(),
        "-cp", System.getProperty("java.class.path"), LoggedRenders.class.getName()));
    command.addAll(renders);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "0");
    Process child = builder.start();
    List<String> lines;
    try {
      child.getOutputStream().close();
      lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .lines().toList();
      child.waitFor();
    } finally {
      child.destroyForcibly();
    }

    assertEquals(0, child.exitValue(), () -> String.join("\n", lines));
    for (int i = 0; i < renders.size(); i += 2) {
      String done = LoggedRenders.DONE + renders.get(i);
      assertTrue(lines.contains(done), () -> "no '" + done + "' in:\n" + String.join("\n", lines));
    }
    List<String> errors = lines.stream().filter(line -> ERROR_LINE.matcher(line).find()).toList();
    assertEquals(List.of(), errors, "ERROR lines of a normal render");
  }
}
