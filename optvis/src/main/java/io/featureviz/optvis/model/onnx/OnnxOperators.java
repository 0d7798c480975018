package io.featureviz.optvis.model.onnx;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** Every operator the importer rebuilds, by ONNX op type (default domain, opsets 11 to 18). */
final class OnnxOperators {
  private OnnxOperators() {}

  private static final Map<String, OnnxOp> BY_TYPE = Map.ofEntries(
      entry("Conv", new ConvOp()),
      entry("BatchNormalization", new BatchNormOp()),
      entry("Relu", UnaryOp.of((ctx, x) -> ctx.net().relu(x), x -> Math.max(0, x))),
      entry("Clip", new ClipOp()),
      entry("LeakyRelu", new UnaryOp(Set.of("alpha"), (ctx, x) -> ctx.tf().nn.leakyRelu(x,
          LeakyRelu.alpha(ctx.floatAttr("alpha", 0.01f))), null)),
      entry("PRelu", new BinaryOp((tf, x, slope) -> tf.math.add(tf.nn.relu(x),
          tf.math.mul(slope, tf.math.minimum(x, tf.constant(0f)))),
          (x, slope) -> x >= 0 ? x : x * slope, null)),
      entry("Sigmoid", UnaryOp.of((ctx, x) -> ctx.tf().math.sigmoid(x), null)),
      entry("HardSigmoid", new UnaryOp(Set.of("alpha", "beta"), (ctx, x) -> hardSigmoid(ctx, x,
          ctx.floatAttr("alpha", 0.2f), ctx.floatAttr("beta", 0.5f)), null)),
      entry("HardSwish", UnaryOp.of((ctx, x) -> ctx.tf().math.mul(x,
          hardSigmoid(ctx, x, 1f / 6, 0.5f)), null)),
      entry("Tanh", UnaryOp.of((ctx, x) -> ctx.tf().math.tanh(x), null)),
      entry("Erf", UnaryOp.of((ctx, x) -> ctx.tf().math.erf(x), null)),
      entry("Sqrt", UnaryOp.of((ctx, x) -> ctx.tf().math.sqrt(x), Math::sqrt)),
      entry("Neg", UnaryOp.of((ctx, x) -> ctx.tf().math.neg(x), x -> -x)),
      entry("Floor", UnaryOp.of((ctx, x) -> ctx.tf().math.floor(x), Math::floor)),
      entry("Ceil", UnaryOp.of((ctx, x) -> ctx.tf().math.ceil(x), Math::ceil)),
      entry("Add", new BinaryOp((tf, a, b) -> tf.math.add(a, b), (a, b) -> a + b,
          (a, b) -> a + b)),
      entry("Sub", new BinaryOp((tf, a, b) -> tf.math.sub(a, b), (a, b) -> a - b,
          (a, b) -> a - b)),
      entry("Mul", new BinaryOp((tf, a, b) -> tf.math.mul(a, b), (a, b) -> a * b,
          (a, b) -> a * b)),
      entry("Div", new BinaryOp((tf, a, b) -> tf.math.div(a, b), (a, b) -> a / b,
          BinaryOp.DIVIDE)),
      entry("Pow", new BinaryOp((tf, a, b) -> tf.math.pow(a, b), Math::pow,
          (a, b) -> (long) Math.pow(a, b))),
      entry("MaxPool", new PoolOp(true)),
      entry("AveragePool", new PoolOp(false)),
      entry("GlobalAveragePool", new GlobalPoolOp(false)),
      entry("GlobalMaxPool", new GlobalPoolOp(true)),
      entry("ReduceMean", new ReduceMeanOp()),
      entry("Concat", new ConcatOp()),
      entry("Split", new SplitOp()),
      entry("Flatten", ReshapeOps.FLATTEN),
      entry("Reshape", ReshapeOps.RESHAPE),
      entry("Squeeze", ReshapeOps.SQUEEZE),
      entry("Unsqueeze", ReshapeOps.UNSQUEEZE),
      entry("Transpose", new TransposeOp()),
      entry("Gemm", new GemmOp()),
      entry("MatMul", new MatMulOp()),
      entry("Softmax", new SoftmaxOp()),
      entry("LayerNormalization", new LayerNormOp()),
      entry("Pad", new PadOp()),
      entry("Resize", new ResizeOp()),
      entry("Dropout", new IdentityOp()),
      entry("Identity", new IdentityOp()),
      entry("Shape", new ShapeOp()),
      entry("Gather", new GatherOp()),
      entry("Slice", new SliceOp()),
      entry("Constant", new ConstantOp()),
      entry("ConstantOfShape", new ConstantOfShapeOp()),
      entry("Cast", new CastOp()),
      entry("Range", new RangeOp()));

  /** The op for a node, refusing other domains, unknown op types and unknown attributes. */
  static OnnxOp forNode(OnnxNode node, long opset) {
    String where = node.label() + " (opset " + opset + ")";
    if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
      throw new OnnxImportException(where + ": operator domain '" + node.domain()
          + "' is not supported, only the default ai.onnx domain");
    }
    OnnxOp op = BY_TYPE.get(node.opType());
    if (op == null) {
      throw new OnnxImportException(where + ": unsupported operator '" + node.opType()
          + "'; supported: " + String.join(", ", new TreeSet<>(BY_TYPE.keySet())));
    }
    for (String attribute : node.attributes().keySet()) {
      if (!op.attributes().contains(attribute)) {
        throw new OnnxImportException(where + ": unsupported attribute '" + attribute + "'");
      }
    }
    return op;
  }

  /**
   * {@code clip(alpha * x + beta, 0, 1)}, computed for a positive slope as
   * {@code alpha * clip(x + beta / alpha, 0, 1 / alpha)} so that no multiplication by a constant
   * reads {@code x}: where {@code x} is a convolution (whose bias TensorFlow drops when it is all
   * zeros, as in freshly initialized squeeze-excitation blocks), TensorFlow's constant folding
   * would push that multiplication into the convolution ("MulConvPushDown"), renaming the
   * Conv2D node and leaving the gradient's materialized shapes with control inputs on the old
   * name; the optimizer passes after it then fail and log ERROR lines ("Non-existent input
   * ^.../Conv2d_2").
   */
  private static Operand<TFloat32> hardSigmoid(OpContext ctx, Operand<TFloat32> x, float alpha,
      float beta) {
    Ops tf = ctx.tf();
    if (!(alpha > 0)) {
      // No exporter writes a slope that is not positive; computed as the operator defines it.
      return tf.math.minimum(tf.math.maximum(tf.math.add(tf.math.mul(x, tf.constant(alpha)),
          tf.constant(beta)), tf.constant(0f)), tf.constant(1f));
    }
    Operand<TFloat32> clipped = tf.math.minimum(tf.math.maximum(
        tf.math.add(x, tf.constant(beta / alpha)), tf.constant(0f)), tf.constant(1f / alpha));
    return tf.math.mul(clipped, tf.constant(alpha));
  }
}
