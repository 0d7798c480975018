package io.featureviz.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A stack test's state folder, emptied: a stack keeps its database, bucket and Kafka log between
 * runs (as {@code ./fv up} does), so a test run after another would find the earlier run's jobs,
 * sweeps and images, and reuse them instead of rendering.
 */
public final class FreshState {

  private FreshState() {}

  /** {@code root} with nothing in it (it is created when the stack starts). */
  public static Path of(Path root) {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not empty " + root, e);
      }
    }
    return root;
  }
}
