package io.featureviz.client.stack;

import java.nio.file.Path;
import java.util.List;

/** The three Quarkus services: their module and how much heap they get. */
enum Service {
  STORAGE_SINK("storage-sink", "-Xmx512m"),
  JOB_API("job-api", "-Xmx512m"),
  // TensorFlow's graphs and tensors live outside the heap; the heap holds frames and PNGs.
  OPTIMIZER_WORKER("optimizer-worker", "-Xmx1g");

  private final String module;
  private final String heap;

  Service(String module, String heap) {
    this.module = module;
    this.heap = heap;
  }

  /** The service a component of the stack runs: {@code optimizer-worker-2} is a worker too. */
  static Service ofComponent(String name) {
    for (Service service : values()) {
      if (name.equals(service.module) || name.startsWith(service.module + "-")) {
        return service;
      }
    }
    throw new IllegalArgumentException("no service runs as " + name);
  }

  String module() {
    return module;
  }

  Path jar(StackSettings settings) {
    return settings.repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
  }

  List<String> command(StackSettings settings) {
    return List.of(JavaCommand.path(), heap, JavaCommand.QUICK_START_JIT, "-jar",
        jar(settings).toString());
  }
}
