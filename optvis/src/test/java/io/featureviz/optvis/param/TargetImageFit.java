package io.featureviz.optvis.param;

import io.featureviz.optvis.image.ImageBatch;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A parameterization fitted to a target image, as lucid's {@code test_param_can_fit_image}: the
 * loss is the mean squared error between the parameterization's image and the target, minimized
 * by TensorFlow's own Adam kernel (independent of the renderer's), one {@code Session.run} a step.
 */
final class TargetImageFit implements AutoCloseable {

  private static final float LEARNING_RATE = 0.05f;
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;

  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> target;
  private final Placeholder<TFloat32> beta1Power;
  private final Placeholder<TFloat32> beta2Power;
  private final Operand<TFloat32> loss;
  private final List<Op> updates = new ArrayList<>();
  private final RgbImage targetImage;
  private int steps;

  TargetImageFit(ImageParameterization param, RgbImage targetImage) {
    TensorFlowRuntime.ensureLoaded();
    this.targetImage = targetImage;
    Ops tf = Ops.create(graph);
    Shape shape = Shape.of(1, targetImage.height(), targetImage.width(), RgbImage.CHANNELS);
    target = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
    beta1Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    beta2Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    Trainables trainables = new Trainables();
    Operand<TFloat32> image = param.build(tf, trainables, 1, targetImage.height(),
        targetImage.width(), tf.constant(new long[] {7L, -1L}));
    loss = tf.math.mean(tf.math.square(tf.math.sub(image, target)),
        tf.constant(new int[] {0, 1, 2, 3}));
    List<Trainables.Trainable> parameters = trainables.all();
    Output<?>[] gradients = graph.addGradients(loss.asOutput(),
        parameters.stream().map(p -> p.value().asOutput()).toArray(Output<?>[]::new));
    Trainables moments = new Trainables();
    for (int i = 0; i < parameters.size(); i++) {
      Trainables.Trainable p = parameters.get(i);
      Trainables.Trainable m = moments.create(tf, p.name() + "_m", p.shape(),
          tf.zerosLike(p.value()));
      Trainables.Trainable v = moments.create(tf, p.name() + "_v", p.shape(),
          tf.zerosLike(p.value()));
      @SuppressWarnings("unchecked")
      Operand<TFloat32> gradient = (Operand<TFloat32>) gradients[i];
      updates.add(tf.train.resourceApplyAdam(p.handle(), m.handle(), v.handle(), beta1Power,
          beta2Power, tf.constant(LEARNING_RATE), tf.constant(BETA1), tf.constant(BETA2),
          tf.constant(1e-8f), gradient));
    }
    session = Sessions.open(graph);
    Session.Runner init = session.runner();
    parameters.forEach(p -> init.addTarget(p.initializer()));
    moments.all().forEach(m -> init.addTarget(m.initializer()));
    init.run();
  }

  /** The mean squared error before the next step. */
  float meanSquaredError() {
    try (TFloat32 fed = ImageBatch.toTensor(List.of(targetImage));
        Result result = session.runner().feed(target, fed).fetch(loss).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  /** Takes {@code count} Adam steps. */
  void step(int count) {
    try (TFloat32 fed = ImageBatch.toTensor(List.of(targetImage))) {
      for (int i = 0; i < count; i++) {
        steps++;
        try (TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(BETA1, steps));
            TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(BETA2, steps))) {
          Session.Runner runner = session.runner().feed(target, fed).feed(beta1Power, b1)
              .feed(beta2Power, b2);
          updates.forEach(runner::addTarget);
          runner.run();
        }
      }
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
