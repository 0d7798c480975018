package io.featureviz.optvis.transform;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Maps each image of a batch linearly about its centre (scale, rotation), keeping its size, by
 * bilinear sampling written as gathers. Gathers have exact built-in gradients, unlike
 * ImageProjectiveTransformV3, and let every batch element draw its own transform.
 */
final class BilinearWarp {

  private BilinearWarp() {}

  /** Samples each output pixel at {@code map} applied to its offset from the centre. */
  static TransformedImage warp(Ops tf, TransformedImage image, InverseMap map) {
    int batch = image.batch();
    int height = image.height();
    int width = image.width();
    int pixels = height * width;
    float[] dy = new float[pixels];
    float[] dx = new float[pixels];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        dy[y * width + x] = y - (height - 1) / 2f;
        dx[y * width + x] = x - (width - 1) / 2f;
      }
    }
    Operand<TFloat32> gridY = tf.constant(Shape.of(1, pixels), DataBuffers.of(dy));
    Operand<TFloat32> gridX = tf.constant(Shape.of(1, pixels), DataBuffers.of(dx));
    Operand<TInt32> column = tf.constant(new int[] {batch, 1});
    Operand<TFloat32> sourceX = tf.math.add(
        tf.math.add(tf.math.mul(tf.reshape(map.a(), column), gridX),
            tf.math.mul(tf.reshape(map.b(), column), gridY)),
        tf.constant((width - 1) / 2f));
    Operand<TFloat32> sourceY = tf.math.add(
        tf.math.add(tf.math.mul(tf.reshape(map.c(), column), gridX),
            tf.math.mul(tf.reshape(map.d(), column), gridY)),
        tf.constant((height - 1) / 2f));
    Operand<TFloat32> floorX = tf.math.floor(sourceX);
    Operand<TFloat32> floorY = tf.math.floor(sourceY);
    Operand<TFloat32> weightX = tf.expandDims(tf.math.sub(sourceX, floorX), tf.constant(-1));
    Operand<TFloat32> weightY = tf.expandDims(tf.math.sub(sourceY, floorY), tf.constant(-1));
    Operand<TInt32> x0 = clampedIndex(tf, floorX, 0, width);
    Operand<TInt32> x1 = clampedIndex(tf, floorX, 1, width);
    Operand<TInt32> y0 = clampedIndex(tf, floorY, 0, height);
    Operand<TInt32> y1 = clampedIndex(tf, floorY, 1, height);
    Operand<TInt32> base = tf.reshape(
        tf.math.mul(tf.range(tf.constant(0), tf.constant(batch), tf.constant(1)),
            tf.constant(pixels)), column);
    Operand<TFloat32> flat =
        tf.reshape(image.images(), tf.constant(new int[] {batch * pixels, -1}));
    Operand<TFloat32> top = lerp(tf, sample(tf, flat, base, y0, x0, width),
        sample(tf, flat, base, y0, x1, width), weightX);
    Operand<TFloat32> bottom = lerp(tf, sample(tf, flat, base, y1, x0, width),
        sample(tf, flat, base, y1, x1, width), weightX);
    Operand<TFloat32> warped = tf.reshape(lerp(tf, top, bottom, weightY),
        tf.constant(new int[] {batch, height, width, -1}));
    return new TransformedImage(warped, batch, height, width);
  }

  private static Operand<TInt32> clampedIndex(Ops tf, Operand<TFloat32> floor, int offset,
      int size) {
    Operand<TInt32> index = tf.dtypes.cast(tf.math.add(floor, tf.constant((float) offset)),
        TInt32.class);
    return tf.clipByValue(index, tf.constant(0), tf.constant(size - 1));
  }

  private static Operand<TFloat32> sample(Ops tf, Operand<TFloat32> flat, Operand<TInt32> base,
      Operand<TInt32> y, Operand<TInt32> x, int width) {
    Operand<TInt32> index = tf.math.add(base, tf.math.add(tf.math.mul(y, tf.constant(width)), x));
    return tf.gather(flat, index, tf.constant(0));
  }

  private static Operand<TFloat32> lerp(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b,
      Operand<TFloat32> t) {
    return tf.math.add(a, tf.math.mul(tf.math.sub(b, a), t));
  }

  /** Picks one value per batch element uniformly from {@code choices}. */
  static Operand<TFloat32> choose(Ops tf, List<Double> choices, int batch, RandomSource random) {
    float[] values = new float[choices.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = choices.get(i).floatValue();
    }
    Operand<TInt32> pick = tf.random.statelessRandomUniformInt(tf.constant(new int[] {batch}),
        random.next(), tf.constant(0), tf.constant(values.length));
    return tf.gather(tf.constant(values), pick, tf.constant(0));
  }
}
