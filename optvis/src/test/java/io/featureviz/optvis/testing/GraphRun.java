package io.featureviz.optvis.testing;

import io.featureviz.optvis.param.Trainables;
import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Builds a small graph, initializes its trainables and evaluates it once, to plain arrays. */
public final class GraphRun {

  private GraphRun() {}

  /** The values of the operands {@code build} returns, each flattened, in order. */
  public static List<float[]> fetch(
      BiFunction<Ops, Trainables, List<Operand<TFloat32>>> build) {
    TensorFlowRuntime.ensureLoaded();
    try (Graph graph = new Graph()) {
      Trainables trainables = new Trainables();
      List<Operand<TFloat32>> outputs = build.apply(Ops.create(graph), trainables);
      try (Session session = Sessions.open(graph)) {
        if (!trainables.all().isEmpty()) {
          Session.Runner init = session.runner();
          trainables.all().forEach(t -> init.addTarget(t.initializer()));
          init.run();
        }
        Session.Runner runner = session.runner();
        outputs.forEach(runner::fetch);
        try (Result result = runner.run()) {
          List<float[]> values = new ArrayList<>();
          for (int i = 0; i < outputs.size(); i++) {
            TFloat32 tensor = (TFloat32) result.get(i);
            float[] flat = new float[(int) tensor.size()];
            tensor.copyTo(DataBuffers.of(flat, false, false));
            values.add(flat);
          }
          return values;
        }
      }
    }
  }
}
