package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;

/** Range of constants: start, limit (exclusive) and delta, folded. */
final class RangeOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of();
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Constant start = ctx.constant(0);
    double from = start.floatAt(0);
    double limit = ctx.constant(1).floatAt(0);
    double delta = ctx.constant(2).floatAt(0);
    if (delta == 0) {
      throw ctx.refuse("delta is 0");
    }
    long count = Math.max(0, (long) Math.ceil((limit - from) / delta));
    int n = Shapes.elements(new long[] {count}, ctx.node().label());
    if (start.type().floating) {
      float[] values = new float[n];
      for (int i = 0; i < n; i++) {
        values[i] = (float) (from + i * delta);
      }
      return List.of(new Constant(start.type(), new long[] {n}, values, null, null));
    }
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = start.longAt(0) + i * ctx.constant(2).longAt(0);
    }
    return List.of(Constant.ofInts(start.type(), new long[] {n}, values));
  }
}
