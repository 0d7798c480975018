package io.featureviz.optvis.model;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * An imported image network that can be wired into an optimization graph.
 *
 * <p>Implementations hold their weights in memory and add the network to a graph on demand, so
 * one loaded model serves many graphs (one per image size and batch).
 */
public interface ImageModel {

  ModelInfo info();

  /**
   * Adds the network to the builder's graph.
   *
   * @param net the graph to build into, with the activation functions to use
   * @param images NHWC float32 images with values in [0, 1]; the model maps them to its own
   *     value range itself. Spatial size may differ from the native input size.
   * @return every exposed layer's output (NHWC, or [batch, classes] for the logits) by name
   */
  Map<String, Operand<TFloat32>> build(NetworkBuilder net, Operand<TFloat32> images);
}
