package io.featureviz.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code @QuarkusTestResource(DevStackTestResource.class)}: points the application under test at a local
 * {@link DevStack}. One stack serves every test class of the JVM, since starting one takes seconds; it stops
 * when the JVM exits.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

  private static DevStack stack;

  @Override
  public Map<String, String> start() {
    return stack().properties();
  }

  /** Nothing: the next test class reuses the stack. */
  @Override
  public void stop() {}

  /** The running stack, started on first use, so that tests can stop, restart and inspect its nodes. */
  public static synchronized DevStack stack() {
    if (stack == null) {
      Path stateDir;
      try {
        stateDir = Files.createTempDirectory("fv-devstack-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      DevStack started = DevStack.start(stateDir);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        started.close();
        deleteTree(stateDir);
      }, "devstack-shutdown"));
      stack = started;
    }
    return stack;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp dir is harmless
    }
  }
}
