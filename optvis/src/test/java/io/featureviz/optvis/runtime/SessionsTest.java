package io.featureviz.optvis.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

class SessionsTest {

  @Test
  void threadCountSizesBothTensorFlowPools() {
    ConfigProto config = Sessions.configFor(3);

    assertEquals(3, config.getIntraOpParallelismThreads());
    assertEquals(3, config.getInterOpParallelismThreads());
  }

  @Test
  void fewerThanOneThreadIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Sessions.configFor(0));
  }

  /**
   * TensorFlow reads {@code TF_ENABLE_ONEDNN_OPTS} at its first session: a session opened here
   * finds oneDNN switched on, or the value the process was started with (the exact-gradients
   * tests' JVM starts with 0).
   */
  @Test
  void aSessionFindsOneDnnChosenInTheCEnvironment() {
    try (Graph graph = new Graph(); Session session = Sessions.open(graph)) {
      String cEnvironment = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME)
          .getFunction("getenv").invokeString(new Object[] {TensorFlowRuntime.ONEDNN}, false);
      assertEquals(Objects.requireNonNullElse(System.getenv(TensorFlowRuntime.ONEDNN), "1"),
          cEnvironment);
    }
  }

  /**
   * A session opened elsewhere, before the runtime set oneDNN up, would fix TensorFlow's
   * kernels for the whole JVM: packed renders would then differ from renders alone on CPUs
   * where TensorFlow does not pick oneDNN itself.
   */
  @Test
  void everySessionOfTheEngineAndItsTestsOpensThroughSessions() throws IOException {
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
        Files.walk(Path.of("src/test/java")))) {
      List<Path> opening = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.endsWith(Path.of("runtime", "Sessions.java")))
          .filter(SessionsTest::opensASession).toList();
      assertEquals(List.of(), opening, "sources opening sessions themselves instead of through Sessions.open");
    }
  }

  private static boolean opensASession(Path file) {
    try {
      return Files.readString(file).contains("new Session" + "(");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
