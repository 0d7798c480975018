package io.featureviz.optvis.examples;

import io.featureviz.contracts.objective.Channel;
import io.featureviz.optvis.image.ImageBatch;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.RawOps;
import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
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
 * The network on one square image at its input size, with two things to fetch: one channel's
 * activation map (a forward pass), and how strongly each input pixel moves one chosen unit of
 * that map (forward and backward), through the unit's pre-activation when the layer ends in a
 * ReLU. One graph serves every image of a search.
 */
final class ChannelGraph implements AutoCloseable {

  private final Graph graph = new Graph();
  private final Session session;
  private final int size;
  private final int gridWidth;
  private final int gridHeight;
  private final Placeholder<TFloat32> input;
  private final Placeholder<TInt32> column;
  private final Placeholder<TInt32> row;
  private final Operand<TFloat32> map;
  private final Operand<TFloat32> sensitivity;

  /** @throws IllegalArgumentException when the channel's layer has no spatial grid */
  ChannelGraph(ImageModel model, Channel channel, int size) {
    TensorFlowRuntime.ensureLoaded();
    this.size = size;
    try {
      Ops tf = Ops.create(graph);
      input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, size, size, 3)));
      Operand<TFloat32> layer =
          model.build(new NetworkBuilder(tf.withSubScope("model")), input).get(channel.layer());
      Shape shape = layer.shape();
      if (shape.numDimensions() != 4) {
        throw new IllegalArgumentException("layer " + channel.layer() + " of model "
            + model.info().id() + " has no spatial grid (its output is "
            + Arrays.toString(shape.asArray()) + "); dataset examples need a layer with height"
            + " and width");
      }
      gridHeight = (int) shape.get(1);
      gridWidth = (int) shape.get(2);
      map = channelMap(tf, layer, channel.channel());
      column = tf.placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
      row = tf.placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
      Operand<TFloat32> preActivations = channelMap(tf, beforeRelu(layer), channel.channel());
      Operand<TFloat32> unit =
          tf.gather(tf.gather(preActivations, row, tf.constant(0)), column, tf.constant(0));
      Output<TFloat32> gradient = RawOps.typed(
          graph.addGradients(unit.asOutput(), new Output<?>[] {input.output()})[0]);
      sensitivity = tf.reduceSum(tf.math.abs(gradient), tf.constant(new int[] {0, 3}));
      session = Sessions.open(graph);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  private Operand<TFloat32> channelMap(Ops tf, Operand<TFloat32> layer, int channel) {
    return tf.reshape(tf.gather(layer, tf.constant(channel), tf.constant(3)),
        tf.constant(new int[] {gridHeight, gridWidth}));
  }

  /**
   * The input of the ReLU or ReLU6 the layer ends in, else the layer itself. A unit held at
   * ReLU6's cap (common: MobileNet's strongest units sit at 6) has a zero gradient, yet depends
   * on the same pixels as its pre-activation, which the pointwise clip does not move.
   */
  private static Operand<TFloat32> beforeRelu(Operand<TFloat32> layer) {
    String type = layer.op().type();
    return type.equals("Relu") || type.equals("Relu6")
        ? RawOps.typed(((GraphOperation) layer.op()).input(0)) : layer;
  }

  int size() {
    return size;
  }

  int gridWidth() {
    return gridWidth;
  }

  int gridHeight() {
    return gridHeight;
  }

  /** The channel's activations on a square image of the graph's size. */
  ActivationMap activations(RgbImage square) {
    try (TFloat32 batch = ImageBatch.toTensor(List.of(square));
        Result result = session.runner().feed(input, batch).fetch(map).run()) {
      return new ActivationMap(gridWidth, gridHeight, values((TFloat32) result.get(0)));
    }
  }

  /**
   * Per input pixel, row-major over size × size: the summed absolute gradient over RGB of the
   * unit at grid ({@code x}, {@code y}).
   */
  float[] sensitivity(RgbImage square, int x, int y) {
    try (TFloat32 batch = ImageBatch.toTensor(List.of(square));
        TInt32 columnValue = TInt32.scalarOf(x);
        TInt32 rowValue = TInt32.scalarOf(y);
        Result result = session.runner().feed(input, batch).feed(column, columnValue)
            .feed(row, rowValue).fetch(sensitivity).run()) {
      return values((TFloat32) result.get(0));
    }
  }

  private static float[] values(TFloat32 tensor) {
    float[] values = new float[(int) tensor.shape().size()];
    tensor.copyTo(DataBuffers.of(values, false, false));
    return values;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
