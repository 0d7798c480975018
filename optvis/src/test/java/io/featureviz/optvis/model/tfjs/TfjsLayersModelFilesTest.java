package io.featureviz.optvis.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.Sessions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A user's own TF.js layers model from a folder: a tiny one, and broken ones. */
class TfjsLayersModelFilesTest {

  /** A 2x2 RGB input, then one 1x1 Conv2D with 2 filters and ReLU, named "conv". */
  private static final String CONV_LAYERS = """
      {"name": "input", "class_name": "InputLayer", "inbound_nodes": [],
       "config": {"batch_input_shape": [null, 2, 2, 3]}},
      {"name": "conv", "class_name": "Conv2D", "inbound_nodes": [[["input", 0, 0, {}]]],
       "config": {"filters": 2, "kernel_size": [1, 1], "strides": [1, 1], "padding": "valid",
                  "data_format": "channels_last", "dilation_rate": [1, 1],
                  "activation": "relu", "use_bias": true}}
      """;

  /** Kernel [1,1,3,2] as float32, bias [2] as uint16 with min -1 and scale 0.5. */
  private static final String CONV_WEIGHTS = """
      {"name": "conv/kernel", "shape": [1, 1, 3, 2], "dtype": "float32"},
      {"name": "conv/bias", "shape": [2], "dtype": "float32",
       "quantization": {"dtype": "uint16", "min": -1, "scale": 0.5}}
      """;

  @TempDir Path dir;

  @Test
  void loadsAndRunsAUsersModel() throws IOException {
    // The kernel reads red only: out = (2 r, -r); the bias, quantized 2 and 6, is (0, 2).
    ByteBuffer weights = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
    weights.putFloat(2f).putFloat(-1f).putFloat(0f).putFloat(0f).putFloat(0f).putFloat(0f);
    weights.putShort((short) 2).putShort((short) 6);
    TfjsLayersModel model = TfjsLayersModel.load(write(CONV_LAYERS, CONV_WEIGHTS, weights.array()));

    assertEquals("tfjs-layers", model.info().format());
    assertEquals(2, model.info().inputSize());
    assertEquals(List.of(new LayerInfo("conv", 2, 2, 2)), model.info().layers());
    try (Graph g = new Graph(); Session session = Sessions.open(g)) {
      Ops tf = Ops.create(g);
      var output = model.build(new NetworkBuilder(tf),
          tf.constant(new float[][][][] {{{{1, 9, 9}, {2, 9, 9}}, {{3, 9, 9}, {4, 9, 9}}}}))
          .get("conv");
      try (TFloat32 result = (TFloat32) session.runner().fetch(output).run().get(0)) {
        float[] values = new float[8];
        result.copyTo(DataBuffers.of(values, false, false));
        // relu(2 r), relu(2 - r) for r = 1..4
        assertArrayEquals(new float[] {2, 1, 4, 0, 6, 0, 8, 0}, values);
      }
    }
  }

  @Test
  void unsupportedLayerIsNamedWithItsType() throws IOException {
    String layers = """
        {"name": "input", "class_name": "InputLayer", "inbound_nodes": [],
         "config": {"batch_input_shape": [null, 2, 2, 3]}},
        {"name": "my_lambda", "class_name": "Lambda", "inbound_nodes": [[["input", 0, 0, {}]]],
         "config": {}}
        """;
    Path modelJson = write(layers, "", new byte[0]);
    TfjsFormatException error =
        assertThrows(TfjsFormatException.class, () -> TfjsLayersModel.load(modelJson));
    assertTrue(error.getMessage().contains("'my_lambda' (Lambda)"), error.getMessage());
  }

  @Test
  void missingWeightFileIsNamed() throws IOException {
    Path modelJson = write(CONV_LAYERS, CONV_WEIGHTS, null);
    TfjsFormatException error =
        assertThrows(TfjsFormatException.class, () -> TfjsLayersModel.load(modelJson));
    assertTrue(error.getMessage().contains("missing model file")
        && error.getMessage().contains("weights.bin"), error.getMessage());
  }

  @Test
  void truncatedWeightsAreReported() throws IOException {
    Path modelJson = write(CONV_LAYERS, CONV_WEIGHTS, new byte[26]);
    TfjsFormatException error =
        assertThrows(TfjsFormatException.class, () -> TfjsLayersModel.load(modelJson));
    assertTrue(error.getMessage().contains("truncated")
        && error.getMessage().contains("conv/bias"), error.getMessage());
  }

  @Test
  void weightPathOutsideTheFolderIsRefused() throws IOException {
    Path modelJson = write(CONV_LAYERS, CONV_WEIGHTS, new byte[28]);
    Files.writeString(modelJson,
        Files.readString(modelJson).replace("\"weights.bin\"", "\"../weights.bin\""));
    TfjsFormatException error =
        assertThrows(TfjsFormatException.class, () -> TfjsLayersModel.load(modelJson));
    assertTrue(error.getMessage().contains("outside the model's folder"), error.getMessage());
  }

  /** Writes model.json and, unless null, weights.bin; returns model.json's path. */
  private Path write(String layers, String weightSpecs, byte[] weights) throws IOException {
    String modelJson = """
        {"format": "layers-model",
         "modelTopology": {"model_config": {"class_name": "Model", "config": {
           "name": "tiny", "layers": [%s],
           "input_layers": [["input", 0, 0]], "output_layers": [["conv", 0, 0]]}}},
         "weightsManifest": [{"paths": ["weights.bin"], "weights": [%s]}]}
        """.formatted(layers, weightSpecs);
    if (weights != null) {
      Files.write(dir.resolve("weights.bin"), weights);
    }
    return Files.writeString(dir.resolve("model.json"), modelJson);
  }
}
