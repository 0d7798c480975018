package io.featureviz.optvis.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

class SessionsTest {

  @Test
  void threadCountSizesBothTensorFlowPools() {
    ConfigProto config = Sessions.configFor(3);

    assertEquals(3, config.getIntraOpParallelismThreads());
    assertEquals(3, config.getInterOpParallelismThreads());
  }

  @Test
  void fewerThanOneThreadIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Sessions.configFor(0));
  }
}
