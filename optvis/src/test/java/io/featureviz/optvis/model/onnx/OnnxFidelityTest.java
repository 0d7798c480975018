package io.featureviz.optvis.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.Sessions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Every exposed layer and the logits of each fixture model equal what a reference runtime
 * computed (src/test/onnx/README.md makes the fixtures): maximum error at most 1e-4 of the
 * tensor's largest magnitude. Every 4-D tensor the reference computed is exposed.
 *
 * <p>A fixture is {@code model.onnx}, {@code input.bin} (float32 LE, NCHW, already normalized) and
 * {@code outputs.json}: {@code {"input_size": H, "outputs": {"<tensor>": {"shape": [...],
 * "file": "<file>.bin"}}}}, files in ONNX layout. The input is fed as the ONNX model takes it,
 * bypassing the importer's normalization ({@link OnnxModel#buildOnModelInput}), so nothing but the
 * network is compared.
 */
class OnnxFidelityTest {

  private static final double MAX_RELATIVE_ERROR = 1e-4;

  @TestFactory
  Stream<DynamicTest> everyLayerMatchesTheReferenceRuntime() throws IOException {
    return OnnxFixtures.folders().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
        () -> assertMatches(dir)));
  }

  private static void assertMatches(Path dir) throws IOException {
    JsonNode outputs = new ObjectMapper().readTree(dir.resolve("outputs.json").toFile());
    int size = outputs.required("input_size").asInt();
    OnnxModel model = OnnxModel.load(dir.resolve("model.onnx"), Normalization.IMAGENET,
        List.of(), dir.getFileName().toString(), size);
    assertTrue(model.info().logitsLayer().isPresent(), "logits found");
    float[] input = floats(dir.resolve("input.bin"));
    List<String> problems = new ArrayList<>();
    int compared = 0;
    try (Graph graph = new Graph(); Session session = Sessions.open(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> image = tf.constant(Shape.of(1, 3, size, size),
          DataBuffers.of(input, true, false));
      Map<String, Operand<TFloat32>> tensors =
          model.buildOnModelInput(new NetworkBuilder(tf), image);
      List<String> names = new ArrayList<>(tensors.keySet());
      outputs.required("outputs").fields().forEachRemaining(reference -> {
        if (reference.getValue().required("shape").size() == 4
            && !tensors.containsKey(reference.getKey())) {
          problems.add(reference.getKey() + ": 4-D, not exposed as a layer");
        }
      });
      Session.Runner runner = session.runner();
      names.forEach(name -> runner.fetch(tensors.get(name)));
      try (Result result = runner.run()) {
        for (int i = 0; i < names.size(); i++) {
          JsonNode reference = outputs.required("outputs").get(names.get(i));
          if (reference == null) {
            problems.add(names.get(i) + ": no reference output");
            continue;
          }
          TFloat32 actual = (TFloat32) result.get(i);
          String problem = compare(actual, reference, dir);
          if (problem != null) {
            problems.add(names.get(i) + ": " + problem);
          }
          compared++;
        }
      }
    }
    assertEquals(List.of(), problems, compared + " tensors compared in " + dir.getFileName());
  }

  private static String compare(TFloat32 actual, JsonNode reference, Path dir)
      throws IOException {
    long[] shape = new long[reference.required("shape").size()];
    for (int d = 0; d < shape.length; d++) {
      shape[d] = reference.required("shape").get(d).asLong();
    }
    if (!Shape.of(shape).equals(actual.shape())) {
      return "shape " + actual.shape() + ", reference " + Shape.of(shape);
    }
    float[] expected = floats(dir.resolve(reference.required("file").asText()));
    float[] values = new float[expected.length];
    actual.copyTo(DataBuffers.of(values, false, false));
    double scale = 0;
    double error = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      error = Math.max(error, Math.abs(values[i] - expected[i]));
    }
    double relative = error / Math.max(scale, Float.MIN_NORMAL);
    return relative <= MAX_RELATIVE_ERROR ? null : "max error " + error + " is " + relative
        + " of the largest magnitude " + scale;
  }

  private static float[] floats(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[bytes.remaining() / 4];
    bytes.asFloatBuffer().get(values);
    return values;
  }
}
