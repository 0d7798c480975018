package io.featureviz.worker.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Why a worker configured for the GPU cannot render on one, if it cannot. TensorFlow's CUDA
 * build renders on the CPU without a word when it finds no usable GPU; such a worker must not
 * take jobs, and its readiness says what is missing.
 */
final class GpuCheck {

  static final String GPU_NATIVES = "linux-x86_64-gpu";

  private GpuCheck() {}

  /**
   * @param natives the classifier of the TensorFlow natives on the class path
   * @param seesGpu whether TensorFlow can run an operation on a GPU (asked only of the CUDA build)
   * @param missingLibraries the CUDA libraries the dynamic linker cannot find
   */
  static Optional<String> problem(String natives, BooleanSupplier seesGpu,
      List<String> missingLibraries) {
    boolean gpuBuild = GPU_NATIVES.equals(natives);
    if (gpuBuild && seesGpu.getAsBoolean()) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    if (!gpuBuild) {
      reasons.add("the TensorFlow natives are the CPU build (" + natives
          + "): build the worker with the Maven profile -Pgpu");
    }
    if (!missingLibraries.isEmpty()) {
      reasons.add("missing CUDA libraries " + String.join(", ", missingLibraries)
          + " (searched LD_LIBRARY_PATH, /etc/ld.so.conf and the system library folders)");
    }
    if (reasons.isEmpty()) {
      reasons.add("no CUDA device is visible: check the NVIDIA driver, the device plugin and"
          + " CUDA_VISIBLE_DEVICES");
    }
    return Optional.of("fv.worker.device=gpu, but TensorFlow sees no GPU: "
        + String.join("; ", reasons));
  }
}
