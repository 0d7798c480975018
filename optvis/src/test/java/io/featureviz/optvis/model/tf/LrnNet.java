package io.featureviz.optvis.model.tf;

import io.featureviz.optvis.runtime.Sessions;
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.LocalResponseNormalization;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * A frozen conv layer (3x3, {@value #CHANNELS} channels, seeded constant weights) followed by a
 * real {@code LRN} op named {@value #LRN}, like InceptionV1's first layers.
 */
final class LrnNet implements AutoCloseable {

  static final int SIZE = 8;
  static final int CHANNELS = 7;
  static final String LRN = "norm";

  private final Graph graph = new Graph();
  private final Session session = Sessions.open(graph);
  private final Placeholder<TFloat32> input;
  private final Operand<TFloat32> norm;

  LrnNet(LocalResponseNormalization.Options... settings) {
    Ops tf = Ops.create(graph);
    Random random = new Random(17);
    input = tf.withName("input")
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SIZE, SIZE, 3)));
    Operand<TFloat32> kernel = constant(tf, Shape.of(3, 3, 3, CHANNELS), random);
    Operand<TFloat32> bias = constant(tf, Shape.of(CHANNELS), random);
    Operand<TFloat32> conv = tf.nn.biasAdd(
        tf.nn.conv2d(input, kernel, List.of(1L, 1L, 1L, 1L), "SAME"), bias);
    norm = tf.withName(LRN).nn.localResponseNormalization(conv, settings);
  }

  private static Operand<TFloat32> constant(Ops tf, Shape shape, Random random) {
    float[] values = new float[(int) shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian() * 0.5f;
    }
    return tf.constant(shape, DataBuffers.of(values, true, false));
  }

  Graph graph() {
    return graph;
  }

  Placeholder<TFloat32> input() {
    return input;
  }

  Operand<TFloat32> norm() {
    return norm;
  }

  GraphDef graphDef() {
    return graph.toGraphDef();
  }

  /** The LRN op's output on {@code images}, fed straight to the input. */
  float[] normOn(Shape shape, float[] images) {
    try (TFloat32 in = Tensors.of(shape, images);
        Result result = session.runner().feed(input, in).fetch(norm).run()) {
      return Tensors.floats((TFloat32) result.get(0));
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
