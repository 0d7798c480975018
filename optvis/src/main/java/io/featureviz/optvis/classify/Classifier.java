package io.featureviz.optvis.classify;

import io.featureviz.optvis.image.ImageBatch;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A model's top classes for an image: the first thing to run on an imported model, to see that
 * its weights, layout and input normalization came through. Works for every format whose import
 * found the logits; one graph serves every image.
 */
public final class Classifier implements AutoCloseable {

  private final ModelInfo info;
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> input;
  private final Operand<TFloat32> probabilities;

  public Classifier(ImageModel model) {
    this.info = model.info();
    String logits = info.logitsLayer().orElseThrow(() -> new IllegalArgumentException("model "
        + info.id() + " is not a classifier: its import found no logits layer"));
    TensorFlowRuntime.ensureLoaded();
    try {
      Ops tf = Ops.create(graph);
      int size = info.inputSize();
      input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, size, size, 3)));
      Map<String, Operand<TFloat32>> layers =
          model.build(new NetworkBuilder(tf.withSubScope("model")), input);
      probabilities = tf.nn.softmax(tf.reshape(layers.get(logits), tf.constant(new long[] {1, -1})));
      session = Sessions.open(graph);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** The model's input size: images must be this square size (see {@code ImageLoader.loadSquare}). */
  public int size() {
    return info.inputSize();
  }

  /** The {@code k} most probable classes, most probable first (ties by index). */
  public List<ClassScore> top(RgbImage image, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("top must be at least 1, not " + k);
    }
    if (image.width() != size() || image.height() != size()) {
      throw new IllegalArgumentException("image is " + image.width() + "x" + image.height()
          + ", model " + info.id() + " takes " + size() + "x" + size());
    }
    try (TFloat32 batch = ImageBatch.toTensor(List.of(image));
        Result result = session.runner().feed(input, batch).fetch(probabilities).run()) {
      TFloat32 p = (TFloat32) result.get(0);
      int classes = (int) p.shape().size(1);
      return IntStream.range(0, classes).boxed()
          .sorted(Comparator.comparingDouble((Integer c) -> -p.getFloat(0, c))
              .thenComparing(c -> c))
          .limit(k)
          .map(c -> new ClassScore(c, label(c), p.getFloat(0, c)))
          .toList();
    }
  }

  private String label(int index) {
    return index < info.labels().size() ? info.labels().get(index) : Integer.toString(index);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
