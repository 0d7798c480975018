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
    // The C1 compiler alone: three services starting at once on a laptop's (or CI's) few cores
    // spend most of their start compiling; measured on 2 cores, the stack is up in 25 s instead
    // of 35 s. Their hot paths are I/O and TensorFlow's native kernels, which it does not touch.
    // The container images keep the JVM's defaults.
    return List.of(JavaCommand.path(), heap, "-XX:TieredStopAtLevel=1", "-jar",
        jar(settings).toString());
  }
}
