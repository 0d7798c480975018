package io.featureviz.worker.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.featureviz.worker.config.WorkerConfig.Device;
import org.junit.jupiter.api.Test;

class EngineTest {

  @Test
  void gpuNeedsTheCudaNatives() {
    assertThrows(IllegalStateException.class,
        () -> Engine.checkDevice(Device.GPU, "linux-x86_64", null));
    assertDoesNotThrow(() -> Engine.checkDevice(Device.GPU, "linux-x86_64-gpu", null));
  }

  @Test
  void cpuRunsOnEitherBuild() {
    assertDoesNotThrow(() -> Engine.checkDevice(Device.CPU, "linux-x86_64", null));
    assertDoesNotThrow(() -> Engine.checkDevice(Device.CPU, "linux-x86_64-gpu", ""));
  }
}
