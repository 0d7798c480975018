package io.featureviz.optvis.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void rendersOfEveryModelFormatLogNoError() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfv.shared.dir=" + SharedFiles.dir().toAbsolutePath(),
        "-cp", System.getProperty("java.class.path"), LoggedRenders.class.getName()));
    command.addAll(RENDERS);
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
    for (int i = 0; i < RENDERS.size(); i += 2) {
      String done = LoggedRenders.DONE + RENDERS.get(i);
      assertTrue(lines.contains(done), () -> "no '" + done + "' in:\n" + String.join("\n", lines));
    }
    List<String> errors = lines.stream().filter(line -> ERROR_LINE.matcher(line).find()).toList();
    assertEquals(List.of(), errors, "ERROR lines of a normal render");
  }
}
