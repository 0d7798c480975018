package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Clip, with its bounds as attributes (before opset 11) or optional inputs. Clip(0, 6) and
 * Clip(0) are ReLU6 and ReLU, built through {@link io.featureviz.optvis.model.NetworkBuilder} so
 * the renderer can redirect their gradients.
 */
final class ClipOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("min", "max");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    float min = bound(ctx, 1, "min", Float.NEGATIVE_INFINITY);
    float max = bound(ctx, 2, "max", Float.POSITIVE_INFINITY);
    if (ctx.input(0) instanceof Constant c && !c.hasBatch()) {
      float[] values = c.toFloats().clone();
      for (int i = 0; i < values.length; i++) {
        values[i] = Math.min(Math.max(values[i], min), max);
      }
      return List.of(Constant.ofFloats(c.shape(), values).cast(c.type()));
    }
    Activation x = ctx.activation(0);
    Ops tf = ctx.tf();
    Operand<TFloat32> y;
    if (min == 0 && max == 6) {
      y = ctx.net().relu6(x.tensor());
    } else if (min == 0 && max == Float.POSITIVE_INFINITY) {
      y = ctx.net().relu(x.tensor());
    } else {
      y = tf.math.minimum(tf.math.maximum(x.tensor(), tf.constant(min)), tf.constant(max));
    }
    return List.of(new Activation(y, x.channelsLast()));
  }

  private static float bound(OpContext ctx, int input, String attribute, float fallback) {
    Constant given = ctx.optionalConstant(input);
    if (given != null) {
      return given.floatAt(0);
    }
    return ctx.floatAttr(attribute, fallback);
  }
}
