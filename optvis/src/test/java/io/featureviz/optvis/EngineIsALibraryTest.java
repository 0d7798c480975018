package io.featureviz.optvis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine is a library: callers hand it its folders, and the command line with its libraries
 * lives in optvis-cli. So services that use the engine read their own configuration and carry no
 * command-line code.
 */
class EngineIsALibraryTest {

  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void noSourceReadsTheEnvironment() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<Path> java = files.filter(f -> f.toString().endsWith(".java")).toList();
      assertFalse(java.isEmpty(), "no sources under " + SOURCES.toAbsolutePath());
      List<Path> reading = java.stream().filter(EngineIsALibraryTest::readsEnvironment).toList();
      assertEquals(List.of(), reading, "engine sources calling System.getenv");
    }
  }

  /** Every dependency of optvis, test ones included, is on this test's class path. */
  @ParameterizedTest
  @ValueSource(strings = {"picocli.CommandLine", "me.tongfei.progressbar.ProgressBar"})
  void commandLineLibrariesAreNotDependencies(String commandLineClass) {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(commandLineClass),
        commandLineClass + " is on optvis's class path: the command line belongs in optvis-cli");
  }

  private static boolean readsEnvironment(Path file) {
    try {
      return Files.readString(file).contains("System.getenv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
