package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job-api carries no engine: no TensorFlow, DJL or optvis jar in its
 * {@code quarkus-app/lib}, so the API process never parses a model file. deploy-check depends on
 * job-api, so a reactor build packages job-api first ({@code mvn package} or {@code verify}).
 */
class JobApiPackageTest {

  static final Path LIB = Repo.ROOT.resolve("job-api/target/quarkus-app/lib");

  /**
   * Jar names of the engine, as Quarkus names them (groupId.artifactId-version): TensorFlow, its
   * native loader (JavaCPP), DJL, ONNX Runtime, optvis, and protobuf, which only the engine
   * brings (TensorFlow's API and optvis' GraphDef reading).
   */
  private static final Pattern ENGINE = Pattern.compile("(org\\.tensorflow\\.|org\\.bytedeco\\."
      + "|ai\\.djl\\.|com\\.microsoft\\.onnxruntime\\.|io\\.featureviz\\.optvis"
      + "|com\\.google\\.protobuf\\.).*\\.jar");

  @Test
  void packagedApiHoldsNoEngine() {
    assertTrue(Files.isDirectory(LIB), "no " + Repo.ROOT.relativize(LIB)
        + ": package job-api first (mvn package or verify builds it before deploy-check)");
    assertEquals(List.of(), engineJars(LIB), "engine jars in the packaged job-api");
  }

  @Test
  void engineJarsAreFoundWhereverQuarkusPutsThem(@TempDir Path lib) throws IOException {
    List<String> engine = List.of("ai.djl.api-0.36.0.jar",
        "ai.djl.tensorflow.tensorflow-engine-0.36.0.jar",
        "com.google.protobuf.protobuf-java-4.33.2.jar",
        "io.featureviz.optvis-0.1.0-SNAPSHOT.jar",
        "org.bytedeco.javacpp-1.5.11.jar",
        "org.tensorflow.tensorflow-core-native-1.0.0-linux-x86_64.jar");
    List<String> service = List.of("io.featureviz.contracts-0.1.0-SNAPSHOT.jar",
        "io.featureviz.uploads-0.1.0-SNAPSHOT.jar", "io.quarkus.quarkus-core-3.33.2.jar",
        "org.apache.kafka.kafka-clients-4.1.2.jar");
    Files.createDirectories(lib.resolve("main"));
    Files.createDirectories(lib.resolve("boot"));
    for (String jar : engine) {
      Files.createFile(lib.resolve("main").resolve(jar));
    }
    for (String jar : service) {
      Files.createFile(lib.resolve("boot").resolve(jar));
    }

    assertEquals(engine, engineJars(lib));
  }

  /** The engine's jars anywhere under {@code lib} (main, boot, deployment), sorted. */
  static List<String> engineJars(Path lib) {
    try (Stream<Path> files = Files.walk(lib)) {
      return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
          .filter(name -> ENGINE.matcher(name).matches()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
