package io.featureviz.optvis.objectives;

import io.featureviz.contracts.objective.Blur;
import io.featureviz.contracts.objective.Channel;
import io.featureviz.contracts.objective.ClassLogit;
import io.featureviz.contracts.objective.ClassProbability;
import io.featureviz.contracts.objective.ClassRef;
import io.featureviz.contracts.objective.Direction;
import io.featureviz.contracts.objective.Diversity;
import io.featureviz.contracts.objective.L1;
import io.featureviz.contracts.objective.L2;
import io.featureviz.contracts.objective.LayerObjective;
import io.featureviz.contracts.objective.Neuron;
import io.featureviz.contracts.objective.Objective;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.objective.ObjectiveVisitor;
import io.featureviz.contracts.objective.Scaled;
import io.featureviz.contracts.objective.Sum;
import io.featureviz.contracts.objective.TotalVariation;
import io.featureviz.optvis.model.LayerInfo;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Turns an objective into graph ops: a [batch] vector holding each batch element's objective
 * value, to be maximized. Every term yields such a vector, so sums and scalings are element-wise
 * and a {@code ;} spec simply picks element i from objective i.
 */
public final class ObjectiveCompiler implements ObjectiveVisitor<Operand<TFloat32>> {

  private final ObjectiveGraph graph;
  private final Ops tf;

  private ObjectiveCompiler(ObjectiveGraph graph) {
    this.graph = graph;
    this.tf = graph.tf().withSubScope("objective");
  }

  /** The per-element objective values, shape [batch]. */
  public static Operand<TFloat32> compile(ObjectiveSpec spec, ObjectiveGraph graph) {
    spec.checkBatchSize(graph.batch());
    ObjectiveCompiler compiler = new ObjectiveCompiler(graph);
    if (!spec.isPerBatchElement()) {
      return spec.perBatch().get(0).accept(compiler);
    }
    Ops tf = compiler.tf;
    List<Operand<TFloat32>> picked = new ArrayList<>();
    for (int i = 0; i < graph.batch(); i++) {
      picked.add(tf.gather(spec.perBatch().get(i).accept(compiler), tf.constant(i),
          tf.constant(0)));
    }
    return tf.stack(picked);
  }

  @Override
  public Operand<TFloat32> visit(Channel channel) {
    Operand<TFloat32> plane = tf.gather(graph.layer(channel.layer()),
        tf.constant(channel.channel()), tf.constant(3));
    return tf.math.mean(plane, tf.constant(new int[] {1, 2}));
  }

  @Override
  public Operand<TFloat32> visit(Neuron neuron) {
    int[] size = graph.layerSizes().get(neuron.layer());
    int x = position(neuron.x().orElse(-1), neuron.layer(), size[1], false);
    int y = position(neuron.y().orElse(-1), neuron.layer(), size[0], true);
    Operand<TFloat32> activations = graph.layer(neuron.layer());
    Operand<TFloat32> row = tf.gather(activations, tf.constant(y), tf.constant(1));
    Operand<TFloat32> pixel = tf.gather(row, tf.constant(x), tf.constant(1));
    return tf.gather(pixel, tf.constant(neuron.channel()), tf.constant(1));
  }

  /**
   * Neuron positions are given on the layer's grid at the model's input size; the graph's grid
   * may be larger (padding, another render size), so map proportionally. -1 means the centre.
   */
  private int position(int given, String layer, int actual, boolean vertical) {
    if (given < 0) {
      return actual / 2;
    }
    LayerInfo info = graph.model().layer(layer).orElseThrow();
    int nominal = vertical ? info.height() : info.width();
    int mapped = (int) Math.round((given + 0.5) * actual / nominal - 0.5);
    return Math.max(0, Math.min(actual - 1, mapped));
  }

  @Override
  public Operand<TFloat32> visit(LayerObjective layer) {
    Operand<TFloat32> activations = graph.layer(layer.layer());
    return tf.math.mean(tf.math.square(activations), tf.constant(new int[] {1, 2, 3}));
  }

  @Override
  public Operand<TFloat32> visit(Direction direction) {
    Operand<TFloat32> activations = graph.layer(direction.layer());
    float[] vector = new float[direction.vector().size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = direction.vector().get(i).floatValue();
    }
    Operand<TFloat32> projection =
        tf.reduceSum(tf.math.mul(activations, tf.constant(vector)), tf.constant(3));
    return tf.math.mean(projection, tf.constant(new int[] {1, 2}));
  }

  @Override
  public Operand<TFloat32> visit(ClassLogit logit) {
    return tf.gather(logits(), tf.constant(classIndex(logit.cls())), tf.constant(1));
  }

  @Override
  public Operand<TFloat32> visit(ClassProbability probability) {
    return tf.gather(tf.nn.softmax(logits()), tf.constant(classIndex(probability.cls())),
        tf.constant(1));
  }

  private Operand<TFloat32> logits() {
    String name = graph.model().logitsLayer().orElseThrow(() -> new IllegalArgumentException(
        "model " + graph.model().id() + " is not a classifier: it has no class outputs"));
    return graph.layer(name);
  }

  private int classIndex(ClassRef cls) {
    List<String> labels = graph.model().labels();
    return cls.indexIn(labels).orElseThrow(() -> new IllegalArgumentException(
        "class " + cls.toGrammar() + " is not one of the " + labels.size() + " classes of "
            + graph.model().id()));
  }

  @Override
  public Operand<TFloat32> visit(Diversity diversity) {
    return GramDiversity.negativeGramSimilarity(tf, graph.layer(diversity.layer()), graph.batch());
  }

  @Override
  public Operand<TFloat32> visit(L1 l1) {
    return Regularizers.l1(tf, graph.image());
  }

  @Override
  public Operand<TFloat32> visit(L2 l2) {
    return Regularizers.l2(tf, graph.image());
  }

  @Override
  public Operand<TFloat32> visit(TotalVariation totalVariation) {
    return Regularizers.totalVariation(tf, graph.image());
  }

  @Override
  public Operand<TFloat32> visit(Blur blur) {
    return Regularizers.blurDistance(tf, graph.image());
  }

  @Override
  public Operand<TFloat32> visit(Sum sum) {
    Operand<TFloat32> total = null;
    for (Objective term : sum.terms()) {
      Operand<TFloat32> value = term.accept(this);
      total = total == null ? value : tf.math.add(total, value);
    }
    return total;
  }

  @Override
  public Operand<TFloat32> visit(Scaled scaled) {
    return tf.math.mul(scaled.objective().accept(this), tf.constant((float) scaled.factor()));
  }
}
