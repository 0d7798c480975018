package io.featureviz.optvis.model.tf;

import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.runtime.Sessions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Discovers the exposed layers' channels and spatial sizes by running the network once on a grey
 * image at its input size, batch 1; this also proves the imported graph runs before anyone
 * optimizes through it.
 */
final class LayerShapeProbe {
  private LayerShapeProbe() {}

  static List<LayerInfo> layers(FrozenNetwork network, int inputSize) {
    try (Graph graph = new Graph(); Session session = Sessions.open(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> grey = tf.fill(tf.constant(new int[] {1, inputSize, inputSize, 3}),
          tf.constant(0.5f));
      Map<String, Operand<TFloat32>> outputs = network.build(tf, grey);
      // Two layers may name one tensor; a run fetches each tensor once.
      List<Operand<TFloat32>> distinct = new ArrayList<>(new LinkedHashSet<>(outputs.values()));
      Session.Runner runner = session.runner();
      distinct.forEach(runner::fetch);
      List<LayerInfo> layers = new ArrayList<>();
      try (Result result = runner.run()) {
        outputs.forEach((name, output) -> layers.add(layerInfo(name, network.outputs().get(name),
            result.get(distinct.indexOf(output)), inputSize)));
      }
      return layers;
    } catch (TensorFlowException e) {
      throw new ModelImportException("model '" + network.id()
          + "' cannot be imported and run at input_size " + inputSize + ": " + e.getMessage(), e);
    }
  }

  private static LayerInfo layerInfo(String name, TensorName tensor, Tensor value, int inputSize) {
    long[] dims = value.shape().asArray();
    if (name.equals(ModelMetadata.LOGITS_LAYER)) {
      if (dims.length != 2) {
        throw wrongShape(name, tensor, value.shape(), inputSize, "2-D [batch, classes]");
      }
      return new LayerInfo(name, (int) dims[1], 1, 1);
    }
    if (dims.length != 4) {
      throw wrongShape(name, tensor, value.shape(), inputSize, "4-D NHWC");
    }
    return new LayerInfo(name, (int) dims[3], (int) dims[1], (int) dims[2]);
  }

  private static ModelImportException wrongShape(String name, TensorName tensor, Shape shape,
      int inputSize, String expected) {
    return new ModelImportException("layer '" + name + "': tensor " + tensor + " has shape "
        + Arrays.toString(shape.asArray()) + " at input_size " + inputSize + "; expected "
        + expected);
  }
}
