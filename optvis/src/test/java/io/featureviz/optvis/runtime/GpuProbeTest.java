package io.featureviz.optvis.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class GpuProbeTest {

  @Test
  void theCpuBuildOfTheNativesSeesNoGpu() {
    assumeTrue("linux-x86_64".equals(TensorFlowRuntime.nativeClassifier()),
        "the CUDA build may see a GPU on this machine");

    assertFalse(GpuProbe.tensorflowSeesGpu());
  }
}
