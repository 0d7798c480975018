package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;

/** Identity, and Dropout, which is the identity at inference. */
final class IdentityOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("ratio", "seed");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    if (ctx.node().outputs().size() > 1) {
      throw ctx.refuse("Dropout's mask output is not supported");
    }
    return List.of(ctx.input(0));
  }
}
