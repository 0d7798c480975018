package io.featureviz.optvis.attribution;

import io.featureviz.optvis.image.ImageBatch;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.RawOps;
import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A classifier on a batch of square images at its input size, with a layer L to read and to feed:
 * a forward pass gives L's activations and the logits; feeding L with any activations (the image's,
 * a baseline's, an interpolation's, edited ones) gives the logits they lead to and the gradient of
 * class k's logit with respect to them. Feeding L runs only the layers after it.
 */
final class AttributionGraph implements AutoCloseable {

  private final Graph graph = new Graph();
  private final Session session;
  private final int batch;
  private final LayerGrid grid;
  private final int classes;
  private final Placeholder<TFloat32> input;
  private final Placeholder<TInt32> classIndex;
  private final Operand<TFloat32> activations;
  private final Operand<TFloat32> logits;
  private final Output<TFloat32> gradient;

  /** Logits per batch element ({@code batch x classes}) and, when asked for, d z_k / d a. */
  record Pass(float[] logits, float[] gradient) {}

  /**
   * @throws IllegalArgumentException when the model has no logits, or the layer is unknown or has
   *     no spatial grid of channels
   */
  AttributionGraph(ImageModel model, String layer, int batch) {
    ModelInfo info = model.info();
    String logitsLayer = info.logitsLayer().orElseThrow(() -> new IllegalArgumentException(
        "model " + info.id() + " is not a classifier: its import found no logits layer"));
    if (info.layer(layer).isEmpty()) {
      throw new IllegalArgumentException(unknownLayer(info, layer));
    }
    TensorFlowRuntime.ensureLoaded();
    this.batch = batch;
    try {
      Ops tf = Ops.create(graph);
      int size = info.inputSize();
      input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(batch, size, size, 3)));
      Map<String, Operand<TFloat32>> layers =
          model.build(new NetworkBuilder(tf.withSubScope("model")), input);
      activations = layers.get(layer);
      Shape shape = activations.shape();
      if (shape.numDimensions() != 4 || layer.equals(logitsLayer)) {
        throw new IllegalArgumentException("layer " + layer + " of model " + info.id()
            + " has no spatial grid of channels (its output is "
            + Arrays.toString(shape.asArray()) + "); explain needs a layer of height x width x"
            + " channels");
      }
      grid = new LayerGrid((int) shape.get(2), (int) shape.get(1), (int) shape.get(3));
      Operand<TFloat32> scores = layers.get(logitsLayer);
      classes = (int) (scores.shape().size() / batch);
      logits = tf.reshape(scores, tf.constant(new int[] {batch, classes}));
      classIndex = tf.placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
      // Summed over the batch: the elements are independent, so each gets its own gradient.
      Operand<TFloat32> classLogit = tf.reduceSum(
          tf.gather(logits, classIndex, tf.constant(1)), tf.constant(0));
      gradient = RawOps.typed(graph.addGradients(classLogit.asOutput(),
          new Output<?>[] {activations.asOutput()})[0]);
      session = Sessions.open(graph);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  private static String unknownLayer(ModelInfo info, String layer) {
    String stem = layer.split("/", 2)[0];
    List<String> close = info.layers().stream().map(LayerInfo::name)
        .filter(name -> name.startsWith(stem)).limit(8).toList();
    return "model " + info.id() + " has no layer '" + layer + "'"
        + (close.isEmpty() ? " (see ./fv layers --model " + info.id() + ")"
            : "; close names: " + String.join(", ", close));
  }

  int batch() {
    return batch;
  }

  LayerGrid grid() {
    return grid;
  }

  int classes() {
    return classes;
  }

  /** L's activations ({@code batch x H x W x C}) and the logits of a batch of images. */
  Forward forward(List<RgbImage> images) {
    try (TFloat32 pixels = ImageBatch.toTensor(images);
        Result result = session.runner().feed(input, pixels).fetch(activations).fetch(logits)
            .run()) {
      return new Forward(values(result.get(0)), values(result.get(1)));
    }
  }

  /** Forward outputs: L's activations and the logits. */
  record Forward(float[] activations, float[] logits) {}

  /** The logits that activations of L ({@code batch x H x W x C}) lead to, without gradients. */
  float[] logitsAt(float[] layerActivations) {
    try (TFloat32 fed = layerTensor(layerActivations);
        Result result = session.runner().feed(activations, fed).fetch(logits).run()) {
      return values(result.get(0));
    }
  }

  /** The logits and d z_k / d a at activations of L ({@code batch x H x W x C}). */
  Pass gradientAt(float[] layerActivations, int k) {
    try (TFloat32 fed = layerTensor(layerActivations);
        TInt32 kValue = TInt32.scalarOf(k);
        Result result = session.runner().feed(activations, fed).feed(classIndex, kValue)
            .fetch(logits).fetch(gradient).run()) {
      return new Pass(values(result.get(0)), values(result.get(1)));
    }
  }

  /**
   * One forward pass from images and one backward pass to L in the same run: the least any
   * attribution of class k at L costs.
   */
  Pass gradientFrom(List<RgbImage> images, int k) {
    try (TFloat32 pixels = ImageBatch.toTensor(images);
        TInt32 kValue = TInt32.scalarOf(k);
        Result result = session.runner().feed(input, pixels).feed(classIndex, kValue)
            .fetch(logits).fetch(gradient).run()) {
      return new Pass(values(result.get(0)), values(result.get(1)));
    }
  }

  private TFloat32 layerTensor(float[] values) {
    int expected = batch * grid.elements();
    if (values.length != expected) {
      throw new IllegalArgumentException("layer activations have " + values.length
          + " values, the graph takes " + expected);
    }
    return TFloat32.tensorOf(Shape.of(batch, grid.height(), grid.width(), grid.channels()),
        DataBuffers.of(values, true, false));
  }

  private static float[] values(org.tensorflow.Tensor tensor) {
    TFloat32 floats = (TFloat32) tensor;
    float[] values = new float[(int) floats.shape().size()];
    floats.copyTo(DataBuffers.of(values, false, false));
    return values;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
