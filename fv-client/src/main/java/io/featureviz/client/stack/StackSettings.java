package io.featureviz.client.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the stack lives and how it is shaped.
 *
 * @param repoRoot the repository root: the services' jars are found (and built) under it
 * @param stateDir data, logs, pid files and {@code stack.json}
 * @param modelsDir the folder holding {@code mobilenet_v2_1.0_224_quant/} (FV_MODELS_DIR)
 * @param workers how many optimizer-worker processes to run
 * @param apiEnvironment extra environment of job-api, e.g. raised quotas for a load test
 */
public record StackSettings(Path repoRoot, Path stateDir, Path modelsDir, StackPorts ports,
    int workers, Map<String, String> apiEnvironment) {

  public StackSettings(Path repoRoot, Path stateDir, Path modelsDir, StackPorts ports,
      int workers) {
    this(repoRoot, stateDir, modelsDir, ports, workers, Map.of());
  }

  public StackSettings {
    repoRoot = repoRoot.toAbsolutePath().normalize();
    stateDir = stateDir.toAbsolutePath().normalize();
    modelsDir = modelsDir.toAbsolutePath().normalize();
    apiEnvironment = Map.copyOf(apiEnvironment);
    if (workers < 1) {
      throw new IllegalArgumentException("at least one worker is needed, got " + workers);
    }
  }

  /**
   * The command line's settings: the working directory is the repository root (as {@code ./fv}
   * runs it), state in {@code .fv/}, models from FV_MODELS_DIR or {@code ../shared/models}.
   */
  public static StackSettings forRepository(Path repoRoot) {
    String models = System.getenv("FV_MODELS_DIR");
    Path modelsDir = models == null || models.isBlank()
        ? repoRoot.resolve("../shared/models") : Path.of(models);
    return new StackSettings(repoRoot, repoRoot.resolve(".fv"), modelsDir, StackPorts.defaults(), 1);
  }

  public StackSettings withApiEnvironment(Map<String, String> environment) {
    return new StackSettings(repoRoot, stateDir, modelsDir, ports, workers, environment);
  }

  /** The shared photos ({@code images/} beside the models): the built-in image set. */
  public Path photosDir() {
    return modelsDir.resolveSibling("images");
  }

  public Path logFile(String component) {
    return stateDir.resolve("logs").resolve(component + ".log");
  }

  public Path pidFile(String component) {
    return stateDir.resolve("pids").resolve(component + ".pid");
  }

  public Path infraDir() {
    return stateDir.resolve("infra");
  }

  public Path stackFile() {
    return stateDir.resolve("stack.json");
  }
}
