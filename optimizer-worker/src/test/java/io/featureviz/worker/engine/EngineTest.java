package io.featureviz.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineTest {

  @Test
  void tensorflowThreadsFollowTheJvmsProcessorCountUnlessConfigured() {
    assertEquals(Runtime.getRuntime().availableProcessors(),
        Engine.tensorflowThreads(Optional.empty()));
    assertEquals(3, Engine.tensorflowThreads(Optional.of(3)));
  }
}
