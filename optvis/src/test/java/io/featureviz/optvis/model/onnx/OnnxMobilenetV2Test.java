package io.featureviz.optvis.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.image.ImageBatch;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The shared ONNX MobileNetV2 against the TFLite import of the same weights: same top-1 on every
 * shared photo, same channel means inside the network.
 */
class OnnxMobilenetV2Test {

  private static final List<Path> PHOTOS = SharedFiles.photos();
  private static float[][] onnxLogits;
  private static float[][] tfliteLogits;
  private static float[] onnxMeans;
  private static float[] tfliteMeans;

  @BeforeAll
  static void runBothOnAllPhotos() throws IOException {
    OnnxModel onnx = SharedOnnx.mobilenetV2();
    ImageModel tflite = SharedFiles.catalog().load("mobilenet_v2");
    List<RgbImage> images = new ArrayList<>();
    for (Path photo : PHOTOS) {
      images.add(ImageLoader.loadSquare(photo, 224));
    }
    Map<String, float[][]> fromOnnx = run(onnx, images, "/expanded_conv_9/Add");
    Map<String, float[][]> fromTflite = run(tflite, images, "expanded_conv_9/add");
    onnxLogits = fromOnnx.get("logits");
    tfliteLogits = fromTflite.get("logits");
    onnxMeans = fromOnnx.get("/expanded_conv_9/Add")[0];
    tfliteMeans = fromTflite.get("expanded_conv_9/add")[0];
  }

  /** Logits per photo, and the channel means of one layer over all photos and positions. */
  private static Map<String, float[][]> run(ImageModel model, List<RgbImage> images,
      String layer) {
    try (Graph graph = new Graph(); Session session = Sessions.open(graph);
        TFloat32 batch = ImageBatch.toTensor(images)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input = tf.placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(images.size(), 224, 224, 3)));
      Map<String, Operand<TFloat32>> layers = model.build(new NetworkBuilder(tf), input);
      Operand<TFloat32> means = tf.math.mean(layers.get(layer), tf.constant(new int[] {0, 1, 2}));
      try (Result result = session.runner().feed(input, batch).fetch(layers.get("logits"))
          .fetch(means).run()) {
        TFloat32 logits = (TFloat32) result.get(0);
        TFloat32 channelMeans = (TFloat32) result.get(1);
        float[][] rows = new float[images.size()][(int) logits.shape().get(1)];
        for (int i = 0; i < rows.length; i++) {
          for (int c = 0; c < rows[i].length; c++) {
            rows[i][c] = logits.getFloat(i, c);
          }
        }
        float[] meanValues = new float[(int) channelMeans.shape().get(0)];
        for (int c = 0; c < meanValues.length; c++) {
          meanValues[c] = channelMeans.getFloat(c);
        }
        return Map.of("logits", rows, layer, new float[][] {meanValues});
      }
    }
  }

  @Test
  void describesTheModel() {
    ModelInfo info = SharedOnnx.mobilenetV2().info();
    assertEquals(OnnxModel.FORMAT, info.format());
    assertEquals(224, info.inputSize());
    assertEquals(1001, info.labels().size());
    assertEquals("logits", info.logitsLayer().orElseThrow());
    assertEquals(new LayerInfo("/expanded_conv_9/Add", 64, 14, 14),
        info.layer("/expanded_conv_9/Add").orElseThrow());
    assertEquals(new LayerInfo("/expanded_conv_9/Add_output_0", 64, 14, 14),
        info.layer("/expanded_conv_9/Add_output_0").orElseThrow());
    assertEquals(new LayerInfo("logits", 1001, 1, 1), info.layer("logits").orElseThrow());
  }

  @Test
  void classifiesEveryPhotoAsTheTfliteImportDoes() {
    for (int i = 0; i < PHOTOS.size(); i++) {
      assertEquals(argmax(tfliteLogits[i]), argmax(onnxLogits[i]), PHOTOS.get(i).toString());
    }
  }

  @Test
  void channelMeansOfExpandedConv9AgreeWithTheTfliteImport() {
    assertEquals(tfliteMeans.length, onnxMeans.length);
    for (int c = 0; c < onnxMeans.length; c++) {
      double tolerance = 1e-3 * Math.abs(tfliteMeans[c]);
      assertTrue(Math.abs(onnxMeans[c] - tfliteMeans[c]) <= tolerance,
          "channel " + c + ": onnx " + onnxMeans[c] + " tflite " + tfliteMeans[c]);
    }
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
