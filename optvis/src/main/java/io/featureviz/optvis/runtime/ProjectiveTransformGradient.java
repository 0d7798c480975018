package io.featureviz.optvis.runtime;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The gradient of ImageProjectiveTransformV3 with respect to its images, as TensorFlow's Python
 * API defines it: the incoming gradient warped by the inverse transform. It is exact for
 * transforms that permute pixels (integer shifts, quarter turns, flips) and a close approximation
 * of the adjoint for the small scales and rotations of the engine's transforms (lucid used the
 * same), which run through this op.
 */
final class ProjectiveTransformGradient {

  private ProjectiveTransformGradient() {}

  static List<Operand<?>> gradient(Ops tf, GraphOperation op, List<Output<?>> gradients) {
    Output<TFloat32> grad = RawOps.typed(gradients.get(0));
    Output<TFloat32> images = RawOps.typed(op.input(0));
    Output<TFloat32> transforms = RawOps.typed(op.input(1));
    Operand<TInt32> count = tf.gather(tf.shape(transforms), tf.constant(0), tf.constant(0));
    // [a0 a1 a2 b0 b1 b2 c0 c1] is the 3x3 matrix with a last entry of 1.
    Operand<TFloat32> matrices = tf.reshape(
        tf.concat(List.of(transforms, tf.ones(tf.stack(List.of(count, tf.constant(1))),
            TFloat32.class)), tf.constant(1)),
        tf.stack(List.of(count, tf.constant(3), tf.constant(3))));
    Operand<TFloat32> inverse = tf.reshape(tf.linalg.inv(matrices),
        tf.stack(List.of(count, tf.constant(9))));
    Operand<TFloat32> flat = tf.math.div(
        tf.slice(inverse, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 8})),
        tf.slice(inverse, tf.constant(new int[] {0, 8}), tf.constant(new int[] {-1, 1})));
    Operand<TInt32> outputShape = tf.slice(tf.shape(images), tf.constant(new int[] {1}),
        tf.constant(new int[] {2}));
    Output<TFloat32> warped = RawOps.typed(NativeKernels.select(tf.scope()
        .opBuilder("ImageProjectiveTransformV3", "ImageProjectiveTransformV3Grad"))
        .addInput(grad)
        .addInput(flat.asOutput())
        .addInput(outputShape.asOutput())
        .addInput(tf.constant(0f).asOutput())
        .setAttr("dtype", org.tensorflow.proto.DataType.DT_FLOAT)
        .setAttr("interpolation", op.attributes().getAttrString("interpolation"))
        .setAttr("fill_mode", op.attributes().getAttrString("fill_mode"))
        .build()
        .output(0));
    return Arrays.asList(warped, tf.zerosLike(transforms), tf.zerosLike(op.input(2)),
        tf.zerosLike(op.input(3)));
  }
}
