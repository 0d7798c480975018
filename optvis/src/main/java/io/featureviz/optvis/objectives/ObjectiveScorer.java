package io.featureviz.optvis.objectives;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.ImageBatch;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Evaluates an objective on given images, without random transforms: how strongly a natural
 * photo (or a saved visualization) drives the unit. One graph serves every image.
 */
public final class ObjectiveScorer implements AutoCloseable {

  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> input;
  private final Operand<TFloat32> values;
  private final int size;

  public ObjectiveScorer(ImageModel model, ObjectiveSpec objective, int size) {
    TensorFlowRuntime.ensureLoaded();
    this.size = size;
    try {
      Ops tf = Ops.create(graph);
      input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, size, size, 3)));
      Map<String, Operand<TFloat32>> layers =
          model.build(new NetworkBuilder(tf.withSubScope("model")), input);
      values = ObjectiveCompiler.compile(objective,
          ObjectiveGraph.of(tf, model.info(), layers, input, 1));
      session = Sessions.open(graph);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** The objective's value on one image of the scorer's size. */
  public float score(RgbImage image) {
    if (image.width() != size || image.height() != size) {
      throw new IllegalArgumentException("image is " + image.width() + "x" + image.height()
          + ", the scorer expects " + size + "x" + size);
    }
    try (TFloat32 batch = ImageBatch.toTensor(List.of(image));
        Result result = session.runner().feed(input, batch).fetch(values).run()) {
      return ((TFloat32) result.get(0)).getFloat(0);
    }
  }

  public int size() {
    return size;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
