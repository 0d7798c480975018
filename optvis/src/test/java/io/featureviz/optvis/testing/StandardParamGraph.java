package io.featureviz.optvis.testing;

import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.param.Trainables;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The standard parameterization and its gradient as one graph: which ops a render's builds. */
public final class StandardParamGraph {

  private StandardParamGraph() {}

  /** How many ops of each type the graph of a {@code size} px image and its gradient holds. */
  public static Map<String, Integer> opTypes(int size) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Trainables trainables = new Trainables();
      Operand<TFloat32> image = ImageParameterization.STANDARD.build(tf, trainables, 1, size,
          size, tf.constant(new long[] {1, 2}));
      graph.addGradients(tf.reduceSum(image, tf.constant(new int[] {0, 1, 2, 3})).asOutput(),
          new Output<?>[] {trainables.all().get(0).value().asOutput()});
      Map<String, Integer> types = new TreeMap<>();
      for (Iterator<org.tensorflow.GraphOperation> ops = graph.operations(); ops.hasNext(); ) {
        types.merge(ops.next().type(), 1, Integer::sum);
      }
      return types;
    }
  }
}
