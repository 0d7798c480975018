package io.featureviz.optvis.model.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** ConstantOfShape: a tensor of the folded shape filled with one value (default float 0). */
final class ConstantOfShapeOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("value");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Constant shapeInput = ctx.constant(0);
    if (shapeInput.hasBatch()) {
      throw ctx.refuse("the shape depends on the batch size, which is not static here");
    }
    long[] shape = shapeInput.toLongs();
    int count = Shapes.elements(shape, ctx.node().label());
    Constant fill = ctx.tensorAttr("value");
    if (fill == null || fill.type().floating) {
      float[] values = new float[count];
      Arrays.fill(values, fill == null ? 0f : fill.floatAt(0));
      return List.of(new Constant(fill == null ? DataType.FLOAT : fill.type(), shape, values,
          null, null));
    }
    long[] values = new long[count];
    Arrays.fill(values, fill.longAt(0));
    return List.of(Constant.ofInts(fill.type(), shape, values));
  }
}
