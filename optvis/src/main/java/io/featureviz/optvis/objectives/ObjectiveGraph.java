package io.featureviz.optvis.objectives;

import io.featureviz.optvis.model.ModelInfo;
import java.util.Map;
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

  Operand<TFloat32> layer(String name) {
    Operand<TFloat32> output = layers.get(name);
    if (output == null) {
      throw new IllegalArgumentException("model " + model.id() + " has no layer '" + name
          + "'; layers: " + layers.keySet());
    }
    return output;
  }
}
