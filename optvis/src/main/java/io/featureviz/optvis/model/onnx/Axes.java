package io.featureviz.optvis.model.onnx;

/** Axis lists of reducing and reshaping operators, from an attribute or (newer opsets) an input. */
final class Axes {
  private Axes() {}

  /**
   * The axes a node names, non-negative, or null when it names none.
   *
   * @param input the input index that holds them in newer opsets
   */
  static int[] of(OpContext ctx, int input, int rank) {
    long[] axes = ctx.optional(input) != null ? ctx.constant(input).toLongs()
        : ctx.intsAttr("axes", null);
    if (axes == null) {
      return null;
    }
    int[] resolved = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      resolved[i] = Shapes.axis(axes[i], rank, ctx.node().label());
    }
    return resolved;
  }
}
