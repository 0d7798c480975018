package io.featureviz.optvis.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;

/**
 * Counts the multiply-add work of a graph's convolutions and matrix products from their static
 * shapes (2 FLOPs per multiply-add), forward and backward. Element-wise ops are left out: they
 * are memory-bound and small next to the convolutions.
 */
public final class FlopCounter {

  private FlopCounter() {}

  /** The work of everything a run of {@code target} executes (its inputs, transitively). */
  public static long count(GraphOperation target) {
    Set<GraphOperation> seen = new HashSet<>();
    Deque<GraphOperation> pending = new ArrayDeque<>(List.of(target));
    long flops = 0;
    while (!pending.isEmpty()) {
      GraphOperation op = pending.pop();
      if (!seen.add(op)) {
        continue;
      }
      flops += flops(op);
      op.inputs().forEach(input -> pending.push((GraphOperation) input.op()));
      pending.addAll(op.controlInputs());
    }
    return flops;
  }

  private static long flops(GraphOperation op) {
    return switch (op.type()) {
      // out [n,h,w,cout], filter [kh,kw,cin,cout]: each output sums kh*kw*cin products.
      case "Conv2D" -> 2 * elements(op.output(0).shape()) * windowTimesDepth(op.input(1).shape());
      // grad input: every out_backprop element spreads over kh*kw*cin inputs.
      case "Conv2DBackpropInput" ->
          2 * elements(op.input(2).shape()) * windowTimesDepth(op.input(1).shape());
      // filter [kh,kw,cin,mult]: each output sums kh*kw products.
      case "DepthwiseConv2dNative" -> 2 * elements(op.output(0).shape()) * window(op.input(1));
      case "DepthwiseConv2dNativeBackpropInput" ->
          2 * elements(op.input(2).shape()) * window(op.input(1));
      case "MatMul" -> matMul(op);
      default -> 0;
    };
  }

  private static long matMul(GraphOperation op) {
    Shape a = op.input(0).shape();
    Shape out = op.output(0).shape();
    if (a.numDimensions() != 2 || out.hasUnknownDimension()) {
      return 0;
    }
    boolean transposeA = op.attributes().getAttrBool("transpose_a");
    long inner = transposeA ? a.get(0) : a.get(1);
    return inner < 0 ? 0 : 2 * elements(out) * inner;
  }

  private static long windowTimesDepth(Shape filter) {
    if (filter.numDimensions() != 4 || filter.hasUnknownDimension()) {
      return 0;
    }
    return filter.get(0) * filter.get(1) * filter.get(2);
  }

  private static long window(org.tensorflow.Output<?> filterOutput) {
    Shape filter = filterOutput.shape();
    return filter.numDimensions() != 4 || filter.hasUnknownDimension() ? 0
        : filter.get(0) * filter.get(1);
  }

  private static long elements(Shape shape) {
    return shape.hasUnknownDimension() || shape.isUnknown() ? 0 : shape.size();
  }
}
