package io.featureviz.worker.models;

import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.optvis.model.ModelDescriber;
import io.featureviz.worker.config.CacheConfig;
import io.featureviz.worker.config.WorkerConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Loads an uploaded model in a JVM of its own ({@link ModelDescriber}), so that a model file
 * that crashes TensorFlow's natives, exhausts memory or never finishes fails its import only:
 * the child has a heap limit ({@code fv.worker.imports.max-heap}) and a time limit
 * ({@code fv.worker.imports.timeout}), and its failures become the import's reason.
 */
@Singleton
public class DescriberProcess {

  /** The class path of a Quarkus fast-jar is its runner alone; the libraries are beside it. */
  static final String FAST_JAR_RUNNER = "quarkus-run.jar";
  /** How HotSpot exits on {@code -XX:+ExitOnOutOfMemoryError}. */
  static final int OUT_OF_MEMORY_EXIT = 3;
  private static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";
  /** The worker's log manager (JBoss), which SLF4J's binding in the libraries needs too. */
  private static final String LOG_MANAGER_PROPERTY = "java.util.logging.manager";

  private final String maxHeap;
  private final Duration timeout;
  private final Optional<Path> cacheDir;
  private final String classpath;

  @Inject
  DescriberProcess(WorkerConfig worker, CacheConfig cache) {
    this(worker.imports().maxHeap(), worker.imports().timeout(), cache.dir());
  }

  DescriberProcess(String maxHeap, Duration timeout, Optional<Path> cacheDir) {
    this.maxHeap = maxHeap;
    this.timeout = timeout;
    this.cacheDir = cacheDir;
    this.classpath = classpath(System.getProperty("java.class.path"));
  }

  /**
   * What loading a model gave: its description, or why there is none.
   *
   * @param description null when the import failed
   * @param reason null when the model was described
   */
  public record Outcome(ModelDescription description, String reason) {

    static Outcome described(ModelDescription description) {
      return new Outcome(description, null);
    }

    public static Outcome failed(String reason) {
      return new Outcome(null, reason);
    }

    public boolean isDescribed() {
      return description != null;
    }
  }

  /**
   * Describes the model in {@code folder} (named after its id, as the engine expects).
   *
   * @throws InterruptedException when the worker stops meanwhile; the child is killed
   */
  public Outcome describe(Path folder) throws InterruptedException {
    Path stdout = null;
    Path stderr = null;
    try {
      stdout = Files.createTempFile("fv-import-", ".out");
      stderr = Files.createTempFile("fv-import-", ".err");
      ProcessBuilder builder = new ProcessBuilder(command(folder))
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile());
      // it only reads the model: a GPU would cost it seconds to set up and take memory
      builder.environment().put("CUDA_VISIBLE_DEVICES", "");
      Process child = builder.start();
      try {
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          child.destroyForcibly().waitFor();
          return Outcome.failed("the import took longer than " + text(timeout));
        }
      } catch (InterruptedException e) {
        child.destroyForcibly();
        throw e;
      }
      return outcome(child.exitValue(), Files.readString(stdout), Files.readString(stderr),
          folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the model describer: " + e.getMessage(), e);
    } finally {
      deleteQuietly(stdout);
      deleteQuietly(stderr);
    }
  }

  List<String> command(Path folder) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap,
        "-XX:+ExitOnOutOfMemoryError",
        "-cp", classpath));
    Optional.ofNullable(System.getProperty(LOG_MANAGER_PROPERTY)).ifPresent(
        manager -> command.add("-D" + LOG_MANAGER_PROPERTY + "=" + manager));
    // the natives this worker extracted, where it extracted them
    cacheDir.ifPresent(dir -> command.add(
        "-D" + ModelDescriber.CACHE_DIR_PROPERTY + "=" + dir.toAbsolutePath()));
    command.add(ModelDescriber.class.getName());
    command.add(folder.toString());
    return command;
  }

  Outcome outcome(int exit, String stdout, String stderr, Path folder) {
    if (exit == ModelDescriber.DESCRIBED) {
      try {
        return Outcome.described(
            Messages.mapper().readValue(lastLine(stdout), ModelDescription.class));
      } catch (IOException e) {
        return Outcome.failed("the import process wrote no model description");
      }
    }
    // HotSpot writes "Terminating due to java.lang.OutOfMemoryError: ..." on stdout
    if (exit == OUT_OF_MEMORY_EXIT && (stdout + stderr).contains(OUT_OF_MEMORY)) {
      return Outcome.failed("the import ran out of memory (max heap " + maxHeap + ")");
    }
    if (exit == ModelDescriber.REFUSED && !lastLine(stderr).isEmpty()) {
      return Outcome.failed(withoutPaths(lastLine(stderr), folder));
    }
    return Outcome.failed("the import process crashed (exit code " + exit + ")");
  }

  /**
   * The class path the describer runs with: this worker's own. A Quarkus fast-jar's class path
   * is only {@value #FAST_JAR_RUNNER}, which loads the libraries beside it itself: every one the
   * engine needs is in {@code lib/main/}, and the log manager their SLF4J binding needs in
   * {@code lib/boot/}.
   */
  static String classpath(String javaClassPath) {
    Path only = Path.of(javaClassPath);
    if (!javaClassPath.contains(File.pathSeparator)
        && only.getFileName().toString().equals(FAST_JAR_RUNNER)) {
      Path lib = only.toAbsolutePath().getParent().resolve("lib");
      return lib.resolve("boot") + File.separator + "*" + File.pathSeparator
          + lib.resolve("main") + File.separator + "*";
    }
    return javaClassPath;
  }

  /** The folder is this worker's temporary business: messages name the files in it. */
  static String withoutPaths(String message, Path folder) {
    return message.replace(folder + File.separator, "")
        .replace(folder.toString(), folder.getFileName().toString());
  }

  /** {@code 5m}, {@code 30s}, {@code 1m30s}. */
  static String text(Duration duration) {
    return duration.toString().substring(2).toLowerCase();
  }

  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a few bytes left in the temporary folder
    }
  }
}
