package io.featureviz.optvis.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class TensorFlowRuntimeTest {

  @Test
  void loadsNativesOfflineAndTakesGraphGradients() {
    String version = TensorFlowRuntime.ensureLoaded();
    assertTrue(version.startsWith("2."), version);
    try (Graph g = new Graph(); Session s = Sessions.open(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
      Output<TFloat32> y = tf.math.mul(x, x).z();
      Output<?>[] dy = g.addGradients(y, new Output<?>[] {x.output()});
      try (TFloat32 in = TFloat32.scalarOf(3f);
          var result = s.runner().feed(x, in).fetch(dy[0]).run()) {
        assertEquals(6f, ((TFloat32) result.get(0)).getFloat(), 1e-6);
      }
    }
  }
}
