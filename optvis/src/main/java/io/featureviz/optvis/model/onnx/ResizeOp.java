package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.image.ResizeNearestNeighbor;
import org.tensorflow.types.TFloat32;

/**
 * Resize of height and width (opset 11 on: roi, scales, sizes inputs) with the modes PyTorch
 * exports: nearest with asymmetric coordinates and floor, and bilinear with half-pixel or
 * align-corners coordinates.
 */
final class ResizeOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("mode", "coordinate_transformation_mode", "nearest_mode", "cubic_coeff_a",
        "exclude_outside", "extrapolation_value");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Activation x = ctx.activation(0);
    if (x.rank() != 4) {
      throw ctx.refuse("only 4-D inputs are supported");
    }
    long[] shape = x.onnxShape();
    int[] size = new int[2];
    Constant sizes = ctx.optional(3) == null ? null : ctx.constant(3);
    if (sizes != null && sizes.size() == 4) {
      size[0] = (int) sizes.longAt(2);
      size[1] = (int) sizes.longAt(3);
    } else {
      Constant scales = ctx.constant(2);
      if (scales.size() != 4 || scales.floatAt(0) != 1 || scales.floatAt(1) != 1) {
        throw ctx.refuse("only height and width may be scaled");
      }
      size[0] = (int) Math.floor(shape[2] * scales.floatAt(2));
      size[1] = (int) Math.floor(shape[3] * scales.floatAt(3));
    }
    String mode = ctx.stringAttr("mode", "nearest");
    String coordinates = ctx.stringAttr("coordinate_transformation_mode", "half_pixel");
    var tf = ctx.tf();
    var nhwc = x.nhwc(tf);
    var target = tf.constant(size);
    Operand<TFloat32> y;
    if (mode.equals("nearest") && coordinates.equals("asymmetric")
        && ctx.stringAttr("nearest_mode", "round_prefer_floor").equals("floor")) {
      y = tf.image.resizeNearestNeighbor(nhwc, target, ResizeNearestNeighbor.alignCorners(false),
          ResizeNearestNeighbor.halfPixelCenters(false));
    } else if (mode.equals("linear") && (coordinates.equals("half_pixel")
        || coordinates.equals("pytorch_half_pixel") || coordinates.equals("align_corners"))) {
      boolean corners = coordinates.equals("align_corners");
      y = tf.image.resizeBilinear(nhwc, target, ResizeBilinear.alignCorners(corners),
          ResizeBilinear.halfPixelCenters(!corners));
    } else {
      throw ctx.refuse("resize mode '" + mode + "' with coordinate_transformation_mode '"
          + coordinates + "' is not supported");
    }
    return List.of(Activation.nhwc(y));
  }
}
