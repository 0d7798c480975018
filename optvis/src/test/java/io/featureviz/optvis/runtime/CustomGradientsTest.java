package io.featureviz.optvis.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Each registered gradient agrees with central finite differences of its forward op. */
class CustomGradientsTest {

  @BeforeAll
  static void load() {
    TensorFlowRuntime.ensureLoaded();
  }

  @ParameterizedTest(name = "IRFFT2D {0}x{1}")
  @CsvSource({"6,8", "5,7", "4,5"})
  void irfft2dGradientMatchesFiniteDifferences(int height, int width) {
    int columns = width / 2 + 1;
    Shape shape = Shape.of(2, height, columns);
    checkGradient(shape, 2, (tf, inputs) -> {
      Output<?> spectrum = ComplexOps.complex(tf, inputs[0], inputs[1]);
      return ComplexOps.irfft2d(tf, spectrum, tf.constant(new int[] {height, width}));
    }, Shape.of(2, height, width));
  }

  /** The Fourier parameterization's path: float pairs bitcast to complex, then IRFFT2D. */
  @ParameterizedTest(name = "Bitcast pairs, IRFFT2D {0}x{1}")
  @CsvSource({"6,8", "5,7"})
  void pairsBitcastGradientMatchesFiniteDifferences(int height, int width) {
    checkGradient(Shape.of(2, height, width / 2 + 1, 2), 1, (tf, inputs) ->
        ComplexOps.irfft2d(tf, ComplexOps.fromPairs(tf, inputs[0]),
            tf.constant(new int[] {height, width})), Shape.of(2, height, width));
  }

  @ParameterizedTest(name = "RFFT2D {0}x{1}")
  @CsvSource({"6,8", "5,7"})
  void rfft2dGradientMatchesFiniteDifferences(int height, int width) {
    Shape shape = Shape.of(2, height, width);
    checkGradient(shape, 1, (tf, inputs) -> {
      Output<?> spectrum = ComplexOps.rfft2d(tf, inputs[0], tf.constant(new int[] {height, width}));
      // A real loss must see both parts of the spectrum.
      return tf.math.add(ComplexOps.real(tf, spectrum),
          tf.math.mul(tf.constant(0.7f), ComplexOps.imag(tf, spectrum)));
    }, Shape.of(2, height, width / 2 + 1));
  }

  @ParameterizedTest(name = "ComplexAbs {0}x{1}")
  @CsvSource({"3,4"})
  void complexAbsGradientMatchesFiniteDifferences(int height, int width) {
    Shape shape = Shape.of(height, width);
    checkGradient(shape, 2, (tf, inputs) -> RawOps.typed(tf.scope()
        .opBuilder("ComplexAbs", "ComplexAbs")
        .addInput(ComplexOps.complex(tf, inputs[0], inputs[1]))
        .setAttr("Tout", org.tensorflow.proto.DataType.DT_FLOAT)
        .build()
        .output(0)), shape);
  }

  /** Pixel permutations (shift, mirror), where TensorFlow's inverse-warp gradient is exact. */
  @ParameterizedTest(name = "ImageProjectiveTransformV3 {0}")
  @CsvSource(delimiter = ';', value = {
      "1,0,-1,0,1,-2,0,0;BILINEAR;CONSTANT", "-1,0,5,0,1,0,0,0;NEAREST;CONSTANT",
      "1,0,2,0,1,1,0,0;BILINEAR;WRAP"})
  void projectiveTransformGradientMatchesFiniteDifferencesForPermutations(String matrix,
      String interpolation, String fillMode) {
    float[] transform = new float[8];
    String[] parts = matrix.split(",");
    for (int i = 0; i < 8; i++) {
      transform[i] = Float.parseFloat(parts[i]);
    }
    Shape shape = Shape.of(1, 5, 6, 2);
    checkGradient(shape, 1, (tf, inputs) -> RawOps.typed(tf.scope()
        .opBuilder("ImageProjectiveTransformV3", "ImageProjectiveTransformV3")
        .addInput(inputs[0].asOutput())
        .addInput(tf.constant(Shape.of(1, 8), DataBuffers.of(transform)).asOutput())
        .addInput(tf.constant(new int[] {5, 6}).asOutput())
        .addInput(tf.constant(0f).asOutput())
        .setAttr("dtype", org.tensorflow.proto.DataType.DT_FLOAT)
        .setAttr("interpolation", interpolation)
        .setAttr("fill_mode", fillMode)
        .build()
        .output(0)), shape);
  }

  interface Forward {
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32>[] inputs);
  }

  /** loss = sum(forward(inputs) * w) for a fixed random w; compares d loss / d inputs. */
  @SuppressWarnings("unchecked")
  private static void checkGradient(Shape inputShape, int inputCount, Forward forward,
      Shape outputShape) {
    Random random = new Random(42);
    float[][] values = new float[inputCount][(int) inputShape.size()];
    for (float[] v : values) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) random.nextGaussian();
      }
    }
    float[] weights = new float[(int) outputShape.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) random.nextGaussian();
    }
    try (Graph g = new Graph(); Session s = Sessions.open(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32>[] inputs = new Placeholder[inputCount];
      for (int i = 0; i < inputCount; i++) {
        inputs[i] = tf.placeholder(TFloat32.class, Placeholder.shape(inputShape));
      }
      Operand<TFloat32> out = forward.apply(tf, inputs);
      Operand<TFloat32> loss = tf.reduceSum(
          tf.math.mul(out, tf.constant(outputShape, DataBuffers.of(weights))),
          tf.range(tf.constant(0), tf.rank(out), tf.constant(1)));
      Output<?>[] xs = new Output<?>[inputCount];
      for (int i = 0; i < inputCount; i++) {
        xs[i] = inputs[i].output();
      }
      Output<?>[] grads = g.addGradients(loss.asOutput(), xs);
      float[][] analytic = new float[inputCount][];
      Session.Runner runner = feed(s, inputs, inputShape, values);
      for (Output<?> grad : grads) {
        runner.fetch(grad);
      }
      try (var result = runner.run()) {
        for (int i = 0; i < inputCount; i++) {
          analytic[i] = read((TFloat32) result.get(i));
        }
      }
      float eps = 1e-2f;
      double worst = 0;
      double scale = 1e-6;
      for (int k = 0; k < inputCount; k++) {
        for (int i = 0; i < values[k].length; i++) {
          float saved = values[k][i];
          values[k][i] = saved + eps;
          double up = evaluate(s, inputs, inputShape, values, loss);
          values[k][i] = saved - eps;
          double down = evaluate(s, inputs, inputShape, values, loss);
          values[k][i] = saved;
          double numeric = (up - down) / (2 * eps);
          worst = Math.max(worst, Math.abs(numeric - analytic[k][i]));
          scale = Math.max(scale, Math.abs(numeric));
        }
      }
      assertTrue(worst / scale < 2e-3,
          "max |numeric - analytic| = " + worst + " against a gradient scale of " + scale);
    }
  }

  private static Session.Runner feed(Session s, Placeholder<TFloat32>[] inputs, Shape shape,
      float[][] values) {
    Session.Runner runner = s.runner();
    for (int i = 0; i < inputs.length; i++) {
      runner.feed(inputs[i], TFloat32.tensorOf(shape, DataBuffers.of(values[i])));
    }
    return runner;
  }

  private static double evaluate(Session s, Placeholder<TFloat32>[] inputs, Shape shape,
      float[][] values, Operand<TFloat32> loss) {
    try (var result = feed(s, inputs, shape, values).fetch(loss).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  private static float[] read(TFloat32 tensor) {
    float[] out = new float[(int) tensor.shape().size()];
    tensor.copyTo(DataBuffers.of(out));
    return out;
  }
}
