package io.featureviz.optvis.model.tf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.runtime.Sessions;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Bad metadata and bad model files fail with a message that says what to fix. */
class UserModelErrorsTest {

  private static byte[] graphDef;

  @TempDir Path dir;

  @BeforeAll
  static void writeModel() {
    TensorFlowRuntime.ensureLoaded();
    try (TinyConvNet net = TinyConvNet.withConstants()) {
      graphDef = net.graphDef().toByteArray();
    }
  }

  static Stream<Arguments> badMetadata() {
    return Stream.of(
        bad("field 'id'", json -> json.remove("id")),
        bad("field 'format'", json -> json.put("format", "onnx")),
        bad("field 'input_size'", json -> json.put("input_size", "big")),
        bad("field 'input_size'", json -> json.put("input_size", 0)),
        bad("field 'value_range'", json -> json.put("value_range", List.of(1, 0))),
        bad("field 'value_range'", json -> json.put("value_range", List.of(1))),
        bad("unknown field 'layer'", json -> json.put("layer", "conv1")),
        bad("field 'layers'", json -> json.put("layers", List.of())),
        bad("field 'layers[1].tensor'", json -> layer(json, 1).put("tensor", "conv2/Relu:x")),
        bad("field 'layers[1].name'", json -> layer(json, 1).put("name", "conv1")),
        bad("input tensor images:0 not found", json -> json.put("input", "images:0")),
        bad("layer 'conv2': tensor conv9/Relu:0 not found",
            json -> layer(json, 1).put("tensor", "conv9/Relu:0")),
        bad("layer 'conv2': tensor gap:0 has shape [1, 6] at input_size 16; expected 4-D NHWC",
            json -> layer(json, 1).put("tensor", "gap:0")),
        bad("layer 'conv2': tensor conv2/Relu:3 not found",
            json -> layer(json, 1).put("tensor", "conv2/Relu:3")),
        bad("input tensor input:1 not found", json -> json.put("input", "input:1")),
        bad("layer 'logits': tensor conv2/Relu:0 has shape [1, 8, 8, 6] at input_size 16; "
            + "expected 2-D", json -> json.put("logits", "conv2/Relu:0")),
        bad("field 'labels'", json -> json.put("labels", "missing.txt")),
        bad("field 'model'", json -> json.put("model", "other.pb")));
  }

  private static Arguments bad(String expected, Consumer<Map<String, Object>> breakIt) {
    return Arguments.of(expected, breakIt);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> layer(Map<String, Object> json, int index) {
    return ((List<Map<String, String>>) json.get("layers")).get(index);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badMetadata")
  void badMetadataNamesTheProblem(String expected, Consumer<Map<String, Object>> breakIt)
      throws IOException {
    Files.write(dir.resolve("tiny.pb"), graphDef);
    Map<String, Object> json = MetadataFiles.forTinyNet("graphdef", 0, 1);
    breakIt.accept(json);
    assertFails(expected, MetadataFiles.write(dir, json));
  }

  @Test
  void folderWithoutMetadata() {
    assertFails("model metadata file not found", dir);
  }

  @Test
  void metadataThatIsNotJson() throws IOException {
    Files.writeString(dir.resolve(ModelMetadata.FILE_NAME), "{\"id\": \"tiny\",");
    assertFails("not valid JSON", dir);
  }

  @Test
  void labelsThatDoNotMatchTheLogits() throws IOException {
    Files.write(dir.resolve("tiny.pb"), graphDef);
    Files.writeString(dir.resolve("labels.txt"), "cat\ndog\nfox\n");
    Map<String, Object> json = MetadataFiles.forTinyNet("graphdef", 0, 1);
    json.put("labels", "labels.txt");
    assertFails("field 'labels': 3 labels for 5 logits", MetadataFiles.write(dir, json));
  }

  @Test
  void truncatedGraphDef() throws IOException {
    assertGraphDefFails(Arrays.copyOf(graphDef, graphDef.length / 2));
  }

  @Test
  void randomBytesAsGraphDef() throws IOException {
    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);
    assertGraphDefFails(noise);
  }

  private void assertGraphDefFails(byte[] bytes) throws IOException {
    Files.write(dir.resolve("tiny.pb"), bytes);
    assertFails("not a TensorFlow GraphDef",
        MetadataFiles.write(dir, MetadataFiles.forTinyNet("graphdef", 0, 1)));
  }

  @Test
  void savedModelFolderWithoutSavedModel() throws IOException {
    assertFails("no saved_model.pb",
        MetadataFiles.write(dir, MetadataFiles.forTinyNet("savedmodel", 0, 1)));
  }

  @Test
  void savedModelThatIsNoise() throws IOException {
    Files.write(dir.resolve("saved_model.pb"), Arrays.copyOf(graphDef, 100));
    assertFails("not a SavedModel",
        MetadataFiles.write(dir, MetadataFiles.forTinyNet("savedmodel", 0, 1)));
  }

  @Test
  void savedModelWithItsForwardPassInAFunction() throws IOException {
    try (ConcreteFunction relu = ConcreteFunction.create(fn -> {
          Placeholder<TFloat32> x = fn.placeholder(TFloat32.class);
          return Signature.builder().input("x", x).output("y", fn.nn.relu(x)).build();
        });
        Graph graph = new Graph();
        Session session = Sessions.open(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input = tf.withName("input")
          .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 16, 16, 3)));
      Operand<?> features = tf.withName("features").identity(tf.call(relu, input));
      SavedModelBundle.exporter(dir.toString())
          .withSession(session)
          .withSignature(Signature.builder().input("images", input).output("f", features).build())
          .export();
    }
    Map<String, Object> json = MetadataFiles.forTinyNet("savedmodel", 0, 1);
    json.remove("logits");
    json.put("layers", List.of(Map.of("name", "features", "tensor", "features:0")));
    assertFails("inside the function call", MetadataFiles.write(dir, json));
  }

  private static void assertFails(String expected, Path metadata) {
    ModelImportException e =
        assertThrows(ModelImportException.class, () -> UserModels.load(metadata));
    assertTrue(e.getMessage().contains(expected),
        "expected '" + expected + "' in: " + e.getMessage());
  }
}
