package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;

/** Cast: folded for constants; an activation may only stay float (a no-op). */
final class CastOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("to", "saturate");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    DataType to = DataType.of(ctx.intAttr("to", 0), ctx.node().label() + " target");
    Value input = ctx.input(0);
    if (input instanceof Constant c) {
      return List.of(c.cast(to));
    }
    if (to != DataType.FLOAT) {
      throw ctx.refuse("casting an activation to " + to + " is not supported");
    }
    return List.of(input);
  }
}
