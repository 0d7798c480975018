package io.featureviz.optvis.objectives;

import io.featureviz.optvis.model.ModelInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What an objective is computed from: the network's layer outputs for the transformed batch and
 * the untransformed image (for regularizers).
 *
 * @param layerSizes actual [height, width] of each layer's output in this graph
 */
public record ObjectiveGraph(Ops tf, ModelInfo model, Map<String, Operand<TFloat32>> layers,
    Map<String, int[]> layerSizes, Operand<TFloat32> image, int batch) {

  /** Reads each 4-D layer's static spatial size from the graph. */
  public static ObjectiveGraph of(Ops tf, ModelInfo model, Map<String, Operand<TFloat32>> layers,
      Operand<TFloat32> image, int batch) {
    Map<String, int[]> sizes = new LinkedHashMap<>();
    layers.forEach((name, output) -> {
      Shape shape = output.shape();
      if (shape.numDimensions() == 4) {
        sizes.put(name, new int[] {(int) shape.get(1), (int) shape.get(2)});
      }
    });
    return new ObjectiveGraph(tf, model, layers, sizes, image, batch);
  }

  Operand<TFloat32> layer(String name) {
    Operand<TFloat32> output = layers.get(name);
    if (output == null) {
      throw new IllegalArgumentException("model " + model.id() + " has no layer '" + name
          + "'; layers: " + layers.keySet());
    }
    return output;
  }
}
