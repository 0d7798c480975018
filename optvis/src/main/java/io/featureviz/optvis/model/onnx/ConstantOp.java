package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;

/** Constant: a tensor, or one or more floats or ints, given as an attribute. */
final class ConstantOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("value", "value_float", "value_floats", "value_int", "value_ints");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    OnnxAttribute a = ctx.node().attributes().values().stream().findFirst()
        .orElseThrow(() -> ctx.refuse("it has no value"));
    Constant value = switch (a.name()) {
      case "value" -> a.t();
      case "value_float" -> Constant.scalar(a.f());
      case "value_floats" -> Constant.ofFloats(new long[] {a.floats().length}, a.floats());
      case "value_int" -> Constant.ofInts(DataType.INT64, new long[0], new long[] {a.i()});
      default -> Constant.ofInts(DataType.INT64, new long[] {a.ints().length}, a.ints());
    };
    if (value == null) {
      throw ctx.refuse("attribute 'value' holds no tensor");
    }
    return List.of(value);
  }
}
