package io.featureviz.optvis.bench;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.objectives.ObjectiveCompiler;
import io.featureviz.optvis.objectives.ObjectiveGraph;
import io.featureviz.optvis.runtime.Sessions;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.types.TFloat32;

/**
 * The network alone: forward to the objective and backward to the input, nothing else. The
 * baseline against which a render step's extra cost (parameterization, transforms, Adam) is
 * measured.
 */
final class NetworkGradientGraph implements AutoCloseable {

  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> input;
  private final Output<?> gradient;
  private final TFloat32 fixedInput;

  NetworkGradientGraph(ImageModel model, ObjectiveSpec objective, int batch, int size) {
    Ops tf = Ops.create(graph);
    Shape shape = Shape.of(batch, size, size, 3);
    input = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
    Map<String, Operand<TFloat32>> layers =
        model.build(new NetworkBuilder(tf.withSubScope("model")), input);
    Operand<TFloat32> values = ObjectiveCompiler.compile(objective,
        ObjectiveGraph.of(tf, model.info(), layers, input, batch));
    Operand<TFloat32> loss = tf.math.neg(tf.reduceSum(values, tf.constant(0)));
    gradient = graph.addGradients(loss.asOutput(), new Output<?>[] {input.output()})[0];
    session = Sessions.open(graph);
    float[] pixels = new float[(int) shape.size()];
    Random random = new Random(0);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    fixedInput = TFloat32.tensorOf(shape, DataBuffers.of(pixels));
  }

  void run() {
    try (Result ignored = runner().run()) {
      // Only the time matters.
    }
  }

  /** A run with TensorFlow's full trace: every op's time. */
  RunMetadata trace() {
    try (Result result = runner().setOptions(Sessions.FULL_TRACE).runAndFetchMetadata()) {
      return result.getMetadata().orElseThrow();
    }
  }

  private Session.Runner runner() {
    return session.runner().feed(input, fixedInput).fetch(gradient);
  }

  @Override
  public void close() {
    fixedInput.close();
    session.close();
    graph.close();
  }
}
