package io.featureviz.optvis.param;

import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.optvis.runtime.ComplexOps;
import io.featureviz.optvis.runtime.Scale;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Images as a Fourier spectrum scaled by 1/frequency^decay (lucid's {@code fft_image}): gradient
 * steps then change all frequencies at a similar rate instead of favouring high-frequency noise.
 */
public record FourierParam(float initStddev, float decayPower) implements SpatialParam {

  public static final FourierParam DEFAULT = new FourierParam(0.01f, RenderDefaults.DECAY_POWER);

  /** The inverse transform's image is divided by this, as in lucid, to start near grey. */
  private static final float OUTPUT_DIVISOR = 4f;

  @Override
  public Operand<TFloat32> build(Ops tf, Trainables trainables, int batch, int height, int width,
      Operand<TInt64> seed) {
    Operand<TFloat32> planes = planes(tf, trainables, batch, height, width, seed);
    return crop(tf, tf.linalg.transpose(planes, tf.constant(new int[] {0, 2, 3, 1})), batch,
        height, width);
  }

  /** The inverse FFT's planes become decorrelated pixels in one pass, without a transpose. */
  @Override
  public Operand<TFloat32> buildDecorrelated(Ops tf, Trainables trainables, int batch,
      int height, int width, Operand<TInt64> seed) {
    Operand<TFloat32> planes = planes(tf, trainables, batch, height, width, seed);
    return crop(tf, ColorDecorrelation.planesToRgb(tf, planes), batch, height, width);
  }

  /** [B, 3, H', W'] colour planes at the transform's size (see {@link #transformSize}). */
  private Operand<TFloat32> planes(Ops tf, Trainables trainables, int batch, int height,
      int width, Operand<TInt64> seed) {
    int fftHeight = transformSize(height, false);
    int evenWidth = transformSize(width, true);
    int columns = evenWidth / 2 + 1;
    // The spectrum is stored as complex64 lays it out, each coefficient's real and imaginary
    // parts side by side, so that it becomes complex by a bitcast (no copy), and its scale is a
    // constant of its own shape (a plain product; a broadcast one is several times slower).
    // The initial draw is lucid's (parts first) moved into that layout: every value, and so
    // every render, is as it was.
    Shape drawShape = Shape.of(2, batch, 3, fftHeight, columns);
    Operand<TFloat32> init = tf.linalg.transpose(tf.math.mul(
        tf.random.statelessRandomNormal(tf.constant(drawShape.asArray()), seed),
        tf.constant(initStddev)), tf.constant(new int[] {1, 2, 3, 4, 0}));
    Shape spectrumShape = Shape.of(batch, 3, fftHeight, columns, 2);
    Operand<TFloat32> pairs = trainables.create(tf, "spectrum", spectrumShape, init).value();
    // Both parts take their frequency's scale; lucid's division of the image by 4 is folded in.
    float[] scale = spectrumScale(fftHeight, evenWidth, columns, decayPower);
    float[] pairScale = new float[2 * scale.length];
    for (int i = 0; i < scale.length; i++) {
      pairScale[2 * i] = scale[i] / OUTPUT_DIVISOR;
      pairScale[2 * i + 1] = scale[i] / OUTPUT_DIVISOR;
    }
    // Tiled in the graph, where TensorFlow folds it into one constant.
    Operand<TFloat32> scales = tf.tile(
        tf.constant(Shape.of(1, 1, fftHeight, columns, 2), DataBuffers.of(pairScale)),
        tf.constant(new int[] {batch, 3, 1, 1, 1}));
    Output<?> spectrum = ComplexOps.fromPairs(tf, Scale.apply(tf, pairs, scales));
    return ComplexOps.irfft2d(tf, spectrum, tf.constant(new int[] {fftHeight, evenWidth}));
  }

  /**
   * The transform runs at the next 7-smooth (and for widths even) size, and the image is cropped
   * from it: FFTs of sizes with large prime factors (299 = 13 * 23) are several times slower,
   * while 7 (224 = 2^5 * 7) is as fast as its neighbours and spares a larger transform and the
   * crop.
   */
  static int transformSize(int side, boolean even) {
    int size = smoothSize(side + (even ? side % 2 : 0));
    while (even && size % 2 != 0) {
      size = smoothSize(size + 1);
    }
    return size;
  }

  /** [B, H', W', 3] pixels cut to [B, height, width, 3], where the transform was larger. */
  private static Operand<TFloat32> crop(Ops tf, Operand<TFloat32> pixels, int batch, int height,
      int width) {
    if (transformSize(height, false) == height && transformSize(width, true) == width) {
      return pixels;
    }
    return tf.slice(pixels, tf.constant(new int[] {0, 0, 0, 0}),
        tf.constant(new int[] {batch, height, width, 3}));
  }

  /** The smallest n' >= n whose only prime factors are 2, 3, 5 and 7. */
  static int smoothSize(int n) {
    for (int candidate = n; ; candidate++) {
      int rest = candidate;
      for (int prime : new int[] {2, 3, 5, 7}) {
        while (rest % prime == 0) {
          rest /= prime;
        }
      }
      if (rest == 1) {
        return candidate;
      }
    }
  }

  /** sqrt(w*h) / max(f, 1/max(w,h))^decay, f the frequency magnitude in cycles per pixel. */
  static float[] spectrumScale(int height, int width, int columns, float decayPower) {
    float[] scale = new float[height * columns];
    double floor = 1.0 / Math.max(width, height);
    for (int y = 0; y < height; y++) {
      double fy = (y <= (height - 1) / 2 ? y : y - height) / (double) height;
      for (int x = 0; x < columns; x++) {
        double fx = x / (double) width;
        double f = Math.max(Math.sqrt(fx * fx + fy * fy), floor);
        scale[y * columns + x] = (float) (Math.sqrt((double) width * height) / Math.pow(f, decayPower));
      }
    }
    return scale;
  }

  @Override
  public String name() {
    return "fft";
  }
}
