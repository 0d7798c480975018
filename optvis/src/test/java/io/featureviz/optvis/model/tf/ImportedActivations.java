package io.featureviz.optvis.model.tf;

import io.featureviz.optvis.runtime.Sessions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Runs an imported network in a fresh graph, fed by a constant batch of images in [0, 1]. */
final class ImportedActivations {
  private ImportedActivations() {}

  static Map<String, float[]> of(
      BiFunction<Ops, Operand<TFloat32>, Map<String, Operand<TFloat32>>> network,
      Shape shape, float[] images) {
    try (Graph graph = new Graph(); Session session = Sessions.open(graph)) {
      Ops tf = Ops.create(graph);
      Map<String, Operand<TFloat32>> layers =
          network.apply(tf, tf.constant(shape, DataBuffers.of(images, true, false)));
      Session.Runner runner = session.runner();
      layers.values().forEach(runner::fetch);
      Map<String, float[]> activations = new LinkedHashMap<>();
      try (Result result = runner.run()) {
        int i = 0;
        for (String layer : layers.keySet()) {
          activations.put(layer, Tensors.floats((TFloat32) result.get(i++)));
        }
      }
      return activations;
    }
  }
}
