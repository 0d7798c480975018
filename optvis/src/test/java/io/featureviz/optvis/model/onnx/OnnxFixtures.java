package io.featureviz.optvis.model.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The torchvision fixtures the build makes (src/test/onnx/README.md): one folder per model with
 * {@code model.onnx}, {@code input.bin} and {@code outputs.json}. Tests skip without them.
 */
public final class OnnxFixtures {

  private static final Path FOLDER = Path.of("target", "onnx-fixtures");

  private OnnxFixtures() {}

  /** A fixture's model file, empty when the fixtures were not made. */
  public static Optional<Path> model(String name) {
    Path folder = FOLDER.resolve(name);
    return Files.isRegularFile(folder.resolve("outputs.json"))
        ? Optional.of(folder.resolve("model.onnx").toAbsolutePath()) : Optional.empty();
  }

  /** Every fixture folder, by name; skips the calling test when there is none. */
  static List<Path> folders() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(FOLDER),
        "no ONNX fixtures in " + FOLDER.toAbsolutePath() + " (src/test/onnx/make-fixtures.sh)");
    List<Path> folders;
    try (Stream<Path> dirs = Files.list(FOLDER)) {
      folders = dirs.filter(d -> Files.isRegularFile(d.resolve("outputs.json"))).sorted()
          .toList();
    }
    Assumptions.assumeFalse(folders.isEmpty(), "no fixture folders in " + FOLDER);
    return folders;
  }
}
