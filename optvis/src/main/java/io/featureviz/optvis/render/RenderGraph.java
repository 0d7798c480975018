package io.featureviz.optvis.render;

import io.featureviz.optvis.image.ImageBatch;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.objectives.Alignment;
import io.featureviz.optvis.objectives.ObjectiveCompiler;
import io.featureviz.optvis.objectives.ObjectiveGraph;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.param.Trainables;
import io.featureviz.optvis.runtime.RedirectedRelu;
import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import io.featureviz.optvis.transform.RandomSource;
import io.featureviz.optvis.transform.TransformedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One optimization as one TensorFlow graph: parameterization, transforms, network, objective,
 * gradients and the Adam update, so that a step is a single {@code Session.run}.
 */
public final class RenderGraph implements AutoCloseable {

  private final RenderSpec spec;
  private final Graph graph;
  private final Session session;
  private final Placeholder<TInt64> step;
  private final Operand<TFloat32> image;
  private final Operand<TFloat32> objective;
  private final Operand<TFloat32> objectiveRedirected;
  private final Op train;
  private final Op trainRedirected;
  private final List<Op> initializers = new ArrayList<>();
  private final int networkInputSize;

  public RenderGraph(ImageModel model, RenderSpec spec) {
    TensorFlowRuntime.ensureLoaded();
    this.spec = spec;
    this.graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      step = tf.withName("step").placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      RandomSource random = new RandomSource(tf, spec.seed(), step);
      Trainables trainables = new Trainables();
      ImageParameterization param = spec.interpolation() == null ? spec.param()
          : spec.param().shared();
      image = tf.withName("image").identity(param.build(tf, trainables, spec.batch(),
          spec.size(), spec.size(), random.initial()));
      TransformedImage transformed = spec.transforms().apply(tf,
          new TransformedImage(image, spec.batch(), spec.size(), spec.size()), random);
      networkInputSize = transformed.height();
      List<Trainables.Trainable> all = trainables.all();
      Output<?>[] values = all.stream().map(t -> t.value().asOutput()).toArray(Output<?>[]::new);
      Adam adam = new Adam(tf, trainables, step, (float) spec.learningRate());
      // Redirected ReLU gradients need marker ops in the network. A second copy of the network
      // carries them, so that the steps after the first few pay nothing for the feature. A
      // render that ends within those steps never runs the plain copy, so it is not built:
      // half the graph to build and optimize, most of a small job's time.
      boolean redirect = spec.redirectReluSteps() > 0;
      boolean plain = !redirect || spec.steps() > spec.redirectReluSteps();
      Network redirected = redirect ? network(tf, "objective_redirected", model,
          new NetworkBuilder(tf.withSubScope("model_redirected"), true), transformed) : null;
      Op redirectedTrain = redirect ? RedirectedRelu.building(true,
          () -> trainOp(tf, "train_redirected", adam, redirected, values)) : null;
      if (plain) {
        Network network = network(tf, "objective", model,
            new NetworkBuilder(tf.withSubScope("model")), transformed);
        objective = network.objective();
        train = trainOp(tf, "train", adam, network, values);
      } else {
        objective = redirected.objective();
        train = redirectedTrain;
      }
      objectiveRedirected = redirect ? redirected.objective() : objective;
      trainRedirected = redirect ? redirectedTrain : train;
      all.forEach(t -> initializers.add(t.initializer()));
      initializers.addAll(adam.initializers());
      session = Sessions.open(graph);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
    reset();
  }

  /**
   * One copy of the network and what it yields to the optimization.
   *
   * @param objective each batch element's objective value
   * @param misalignment an interpolation's {@link Alignment} penalty; null for other renders
   */
  private record Network(Operand<TFloat32> objective, Operand<TFloat32> misalignment) {}

  private Network network(Ops tf, String name, ImageModel model, NetworkBuilder net,
      TransformedImage transformed) {
    Map<String, Operand<TFloat32>> layers = model.build(net, transformed.images());
    ObjectiveGraph objectiveGraph = ObjectiveGraph.of(tf, model.info(), layers, image,
        spec.batch());
    Operand<TFloat32> objective = tf.withName(name).identity(
        ObjectiveCompiler.compile(spec.objective(), objectiveGraph));
    if (spec.interpolation() == null) {
      return new Network(objective, null);
    }
    // Aligned at the layers the two ends' objectives read.
    return new Network(objective,
        Alignment.penalty(objectiveGraph, spec.objective().referencedLayers()));
  }

  /**
   * Ascends the objective summed over the batch: each element is optimized independently, except
   * in an interpolation, whose neighbours are also pulled together by its alignment penalty.
   */
  private Op trainOp(Ops tf, String name, Adam adam, Network network, Output<?>[] values) {
    Operand<TFloat32> ascent = tf.reduceSum(network.objective(), tf.constant(0));
    if (network.misalignment() != null) {
      ascent = tf.math.sub(ascent,
          tf.math.mul(tf.constant(Alignment.WEIGHT), network.misalignment()));
    }
    Operand<TFloat32> loss = tf.math.neg(ascent);
    return tf.withControlDependencies(adam.updates(graph.addGradients(loss.asOutput(), values)))
        .withName(name).noOp();
  }

  /** Re-initializes parameters and optimizer state from the seed. */
  public void reset() {
    Session.Runner runner = session.runner();
    initializers.forEach(runner::addTarget);
    runner.run();
  }

  /**
   * Takes optimization step {@code index} (0-based) and returns each batch element's objective
   * value as computed during that step.
   */
  public float[] step(long index) {
    try (TInt64 stepValue = TInt64.scalarOf(index);
        Result result = index < spec.redirectReluSteps()
            ? session.runner().feed(step, stepValue).addTarget(trainRedirected)
                .fetch(objectiveRedirected).run()
            : session.runner().feed(step, stepValue).addTarget(train).fetch(objective).run()) {
      return toArray((TFloat32) result.get(0));
    }
  }

  /** The current images, one per batch element, in [0, 1]. */
  public List<RgbImage> images() {
    try (Result result = session.runner().fetch(image).run()) {
      return ImageBatch.fromTensor((TFloat32) result.get(0));
    }
  }

  public RenderSpec spec() {
    return spec;
  }

  /** The side of the square the network sees after the transforms. */
  public int networkInputSize() {
    return networkInputSize;
  }

  /** The op a steady-state step runs (after the redirected-ReLU steps). */
  public GraphOperation trainOperation() {
    return (GraphOperation) train.op();
  }

  static float[] toArray(TFloat32 tensor) {
    float[] values = new float[(int) tensor.shape().size()];
    tensor.copyTo(DataBuffers.of(values));
    return values;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
