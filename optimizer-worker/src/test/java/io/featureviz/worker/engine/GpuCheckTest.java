package io.featureviz.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GpuCheckTest {

  private static final String CPU_NATIVES = "linux-x86_64";

  @Test
  void theCudaBuildSeeingAGpuHasNoProblem() {
    assertEquals(Optional.empty(), GpuCheck.problem(GpuCheck.GPU_NATIVES, () -> true, List.of()));
  }

  @Test
  void missingCudaLibrariesAreNamed() {
    String problem = GpuCheck.problem(GpuCheck.GPU_NATIVES, () -> false,
        List.of("libcudnn.so.8")).orElseThrow();

    assertTrue(problem.contains("TensorFlow sees no GPU"), problem);
    assertTrue(problem.contains("libcudnn.so.8"), problem);
    assertFalse(problem.contains("CPU build"), problem);
  }

  @Test
  void theCpuBuildIsNamedAndNeverAskedForAGpu() {
    String problem = GpuCheck.problem(CPU_NATIVES, () -> {
      throw new AssertionError("the CPU build cannot run on a GPU");
    }, List.of()).orElseThrow();

    assertTrue(problem.contains("CPU build (linux-x86_64)"), problem);
    assertTrue(problem.contains("-Pgpu"), problem);
  }

  @Test
  void withEveryLibraryPresentTheDeviceIsBlamed() {
    String problem = GpuCheck.problem(GpuCheck.GPU_NATIVES, () -> false, List.of())
        .orElseThrow();

    assertTrue(problem.contains("no CUDA device is visible"), problem);
  }
}
