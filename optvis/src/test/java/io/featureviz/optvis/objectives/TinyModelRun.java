package io.featureviz.optvis.objectives;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.testing.GraphRun;
import io.featureviz.optvis.testing.TinyConvModel;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * An objective compiled on {@link TinyConvModel} and evaluated on fixed images, with the
 * activations it was computed from, so that tests can compute the expected value by hand.
 *
 * @param values the objective per batch element
 * @param conv1 [batch, size, size, 8]
 * @param conv2 [batch, size / 2, size / 2, 16]
 * @param logits [batch, 10]
 */
record TinyModelRun(float[] values, Activations conv1, Activations conv2, float[] logits) {

  /** A layer's NHWC activations. */
  record Activations(float[] values, int height, int width, int channels) {

    float at(int batchIndex, int y, int x, int channel) {
      return values[((batchIndex * height + y) * width + x) * channels + channel];
    }

    /** Mean over positions of one batch element's channel. */
    double channelMean(int batchIndex, int channel) {
      double sum = 0;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          sum += at(batchIndex, y, x, channel);
        }
      }
      return sum / (height * width);
    }
  }

  static TinyModelRun of(String objective, int batch) {
    return of(objective, batch, TinyConvModel.INPUT_SIZE, new TinyConvModel().info());
  }

  /**
   * @param size the images' side, which may differ from the model's input size
   * @param info what the compiler is told of the model (its layers are always the tiny net's)
   */
  static TinyModelRun of(String objective, int batch, int size, ModelInfo info) {
    float[] images = randomImages(batch, size);
    List<float[]> fetched = GraphRun.fetch((tf, trainables) -> {
      Operand<TFloat32> input =
          tf.constant(Shape.of(batch, size, size, 3), DataBuffers.of(images));
      Map<String, Operand<TFloat32>> layers =
          new TinyConvModel().build(new NetworkBuilder(tf), input);
      Operand<TFloat32> values = ObjectiveCompiler.compile(ObjectiveSpec.parse(objective),
          ObjectiveGraph.of(tf, info, layers, input, batch));
      return List.of(values, layers.get("conv1"), layers.get("conv2"), layers.get("logits"));
    });
    return new TinyModelRun(fetched.get(0), new Activations(fetched.get(1), size, size, 8),
        new Activations(fetched.get(2), size / 2, size / 2, 16), fetched.get(3));
  }

  /** Seeded pixels in [0, 1), different for every element. */
  private static float[] randomImages(int batch, int size) {
    Random random = new Random(42);
    float[] pixels = new float[batch * size * size * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    return pixels;
  }
}
