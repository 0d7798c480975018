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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One optimization as one TensorFlow graph: parameterization, transforms, network, objective,
 * gradients and the Adam update, so that a step is a single {@code Session.run}.
 *
 * <p>A graph may optimize the members of a {@link RenderPack} together. Each member has its own
 * parameterization, random draws (its own seed) and transforms, exactly as when it renders
 * alone; only the network runs once, on the members' transformed images concatenated over the
 * batch and padded to {@link RenderPack#slots()} with grey images that nothing optimizes. Each
 * member's objective reads its own rows of the layers. The values and images of a pack graph are
 * those of its members in order, padding left out.
 */
public final class RenderGraph implements AutoCloseable {

  /** The value of a padding slot's pixels: a constant, so it has no gradient. */
  private static final float PADDING_GREY = 0.5f;

  private final List<RenderSpec> members;
  private final Graph graph;
  private final Session session;
  private final Placeholder<TInt64> step;
  private final Operand<TFloat32> image;
  private Operand<TFloat32> objective;
  private final Operand<TFloat32> objectiveRedirected;
  private Op train;
  private final Op trainRedirected;
  /** Builds the plain network copy at the first step that runs it; null once built. */
  private Runnable plainCopy;
  private final List<Op> initializers = new ArrayList<>();
  private final int networkInputSize;

  public RenderGraph(ImageModel model, RenderSpec spec) {
    this(model, List.of(spec), spec.batch(), false);
  }

  /** The members of {@code pack} as one graph whose network runs on {@code pack.slots()}. */
  public RenderGraph(ImageModel model, RenderPack pack) {
    this(model, pack.members(), pack.slots(), true);
  }

  /**
   * @param pack whether objectives read their member's rows of the layers, as in any pack; a
   *     plain spec's objective reads the layers whole, as before packs
   */
  private RenderGraph(ImageModel model, List<RenderSpec> members, int slots, boolean pack) {
    TensorFlowRuntime.ensureLoaded();
    this.members = List.copyOf(members);
    RenderSpec shared = members.get(0);
    this.graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      step = tf.withName("step").placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      Trainables trainables = new Trainables();
      List<Member> built = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        built.add(member(members.size() == 1 ? tf : tf.withSubScope("member" + i),
            members.get(i), trainables));
      }
      image = concat(tf, built.stream().map(Member::image).toList());
      Operand<TFloat32> networkInput = networkInput(tf, built, slots);
      networkInputSize = built.get(0).transformed().height();
      List<Trainables.Trainable> all = trainables.all();
      Output<?>[] values = all.stream().map(t -> t.value().asOutput()).toArray(Output<?>[]::new);
      Adam adam = new Adam(tf, trainables, step, (float) shared.learningRate());
      // Redirected ReLU gradients need marker ops in the network. A second copy of the network
      // carries them, so that the steps after the first few pay nothing for the feature. A
      // render that ends within those steps never runs the plain copy, so it is not built:
      // half the graph to build and optimize, most of a small job's time. Otherwise it is built
      // when the first step that runs it comes, so that the first step comes sooner (a cold
      // render's start); the session takes the grown graph in at its next run.
      boolean redirect = shared.redirectReluSteps() > 0;
      boolean plain = !redirect || shared.steps() > shared.redirectReluSteps();
      Network redirected = redirect ? network(tf, "objective_redirected", model,
          new NetworkBuilder(tf.withSubScope("model_redirected"), true), networkInput, built,
          slots, pack) : null;
      Op redirectedTrain = redirect ? RedirectedRelu.building(true,
          () -> trainOp(tf, "train_redirected", adam, redirected, values)) : null;
      Runnable buildPlain = () -> {
        Network network = network(tf, "objective", model,
            new NetworkBuilder(tf.withSubScope("model")), networkInput, built, slots, pack);
        objective = network.objective();
        train = trainOp(tf, "train", adam, network, values);
      };
      if (!redirect) {
        buildPlain.run();
      } else if (plain) {
        plainCopy = buildPlain;
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

  /** A member's images as parameterized and as transformed, drawn from its own seed. */
  private record Member(RenderSpec spec, Operand<TFloat32> image, TransformedImage transformed) {}

  private Member member(Ops tf, RenderSpec spec, Trainables trainables) {
    RandomSource random = new RandomSource(tf, spec.seed(), step);
    ImageParameterization param = spec.interpolation() == null ? spec.param()
        : spec.param().shared();
    Operand<TFloat32> image = tf.withName("image").identity(param.build(tf, trainables,
        spec.batch(), spec.size(), spec.size(), random.initial()));
    TransformedImage transformed = spec.transforms().apply(tf,
        new TransformedImage(image, spec.batch(), spec.size(), spec.size()), random);
    return new Member(spec, image, transformed);
  }

  /** The members' transformed images, then grey padding up to {@code slots} images. */
  private static Operand<TFloat32> networkInput(Ops tf, List<Member> members, int slots) {
    List<Operand<TFloat32>> parts = new ArrayList<>(
        members.stream().map(member -> member.transformed().images()).toList());
    int images = members.stream().mapToInt(member -> member.spec().batch()).sum();
    if (slots > images) {
      TransformedImage first = members.get(0).transformed();
      parts.add(tf.withName("padding").fill(
          tf.constant(new int[] {slots - images, first.height(), first.width(), 3}),
          tf.constant(PADDING_GREY)));
    }
    return concat(tf, parts);
  }

  private static Operand<TFloat32> concat(Ops tf, List<Operand<TFloat32>> parts) {
    return parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(0));
  }

  /**
   * One copy of the network and what it yields to the optimization.
   *
   * @param objective each member's batch elements' objective values, in order
   * @param misalignment an interpolation's {@link Alignment} penalty; null for other renders
   */
  private record Network(Operand<TFloat32> objective, Operand<TFloat32> misalignment) {}

  private Network network(Ops tf, String name, ImageModel model, NetworkBuilder net,
      Operand<TFloat32> input, List<Member> built, int slots, boolean pack) {
    Map<String, Operand<TFloat32>> layers = model.build(net, input);
    if (!pack) {
      Member member = built.get(0);
      RenderSpec spec = member.spec();
      ObjectiveGraph objectiveGraph = ObjectiveGraph.of(tf, model.info(), layers, member.image(),
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
    // Each layer an objective reads has one consumer here, a split into the members' rows,
    // alone or packed: TensorFlow sums a tensor's gradient contributions (one per consumer) in
    // an order that depends on how many there are, so a consumer per member would change the
    // last bits of every member's gradient with the size of its pack.
    Set<String> read = new LinkedHashSet<>();
    built.forEach(member -> read.addAll(readLayers(model, member.spec())));
    List<Integer> rows = new ArrayList<>(built.stream().map(m -> m.spec().batch()).toList());
    int images = rows.stream().mapToInt(Integer::intValue).sum();
    // The padding's rows, possibly none: the split always has a part besides the members'
    // (a split into one part has no gradient, and reading a layer whole sums differently).
    rows.add(slots - images);
    List<Map<String, Operand<TFloat32>>> memberLayers = new ArrayList<>();
    built.forEach(member -> memberLayers.add(new LinkedHashMap<>()));
    for (String layer : read) {
      Operand<TFloat32> output = layers.get(layer);
      if (output == null) {
        continue; // ObjectiveCompiler reports the missing layer
      }
      List<Output<TFloat32>> parts = tf.splitV(output,
          tf.constant(rows.stream().mapToLong(Integer::longValue).toArray()), tf.constant(0),
          (long) rows.size()).output();
      for (int i = 0; i < built.size(); i++) {
        memberLayers.get(i).put(layer, parts.get(i));
      }
    }
    List<Operand<TFloat32>> objectives = new ArrayList<>();
    for (int i = 0; i < built.size(); i++) {
      Member member = built.get(i);
      ObjectiveGraph objectiveGraph = ObjectiveGraph.of(tf.withSubScope(name + "_member" + i),
          model.info(), memberLayers.get(i), member.image(), member.spec().batch());
      objectives.add(ObjectiveCompiler.compile(member.spec().objective(), objectiveGraph));
    }
    return new Network(tf.withName(name).identity(concat(tf, objectives)), null);
  }

  /** The layers a member's objective reads: those it names, and the logits for classes. */
  private static Set<String> readLayers(ImageModel model, RenderSpec spec) {
    Set<String> names = new LinkedHashSet<>(spec.objective().referencedLayers());
    if (spec.objective().referencesClasses()) {
      model.info().logitsLayer().ifPresent(names::add);
    }
    return names;
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
   * value as computed during that step (a pack's members' elements in order).
   */
  public float[] step(long index) {
    try (TInt64 stepValue = TInt64.scalarOf(index);
        Result result = stepRunner(index, stepValue).run()) {
      return toArray((TFloat32) result.get(0));
    }
  }

  /**
   * Takes step {@code index} as {@link #step} does, with TensorFlow's full trace: the time of
   * every op that ran (a benchmark's breakdown). Tracing slows the step; time it with
   * {@link #step}.
   */
  public RunMetadata traceStep(long index) {
    try (TInt64 stepValue = TInt64.scalarOf(index);
        Result result = stepRunner(index, stepValue).setOptions(Sessions.FULL_TRACE)
            .runAndFetchMetadata()) {
      return result.getMetadata().orElseThrow();
    }
  }

  private Session.Runner stepRunner(long index, TInt64 stepValue) {
    if (index < members.get(0).redirectReluSteps()) {
      return session.runner().feed(step, stepValue).addTarget(trainRedirected)
          .fetch(objectiveRedirected);
    }
    buildPlainCopy();
    return session.runner().feed(step, stepValue).addTarget(train).fetch(objective);
  }

  /** The current images, one per batch element, in [0, 1]. */
  public List<RgbImage> images() {
    try (Result result = session.runner().fetch(image).run()) {
      return ImageBatch.fromTensor((TFloat32) result.get(0));
    }
  }

  /** The spec of a graph built for one spec (a pack's first member's). */
  public RenderSpec spec() {
    return members.get(0);
  }

  /** The specs this graph optimizes: the one spec, or a pack's members in order. */
  public List<RenderSpec> members() {
    return members;
  }

  /** The side of the square the network sees after the transforms. */
  public int networkInputSize() {
    return networkInputSize;
  }

  /** The op a steady-state step runs (after the redirected-ReLU steps). */
  public GraphOperation trainOperation() {
    buildPlainCopy();
    return (GraphOperation) train.op();
  }

  private void buildPlainCopy() {
    if (plainCopy != null) {
      plainCopy.run();
      plainCopy = null;
    }
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
