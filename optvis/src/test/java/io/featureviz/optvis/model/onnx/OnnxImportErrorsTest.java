package io.featureviz.optvis.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files the importer must refuse, each with a message naming what is wrong and where. */
class OnnxImportErrorsTest {

  @TempDir
  Path dir;

  private String refusal(byte[] model) throws IOException {
    Path file = Files.write(dir.resolve("model.onnx"), model);
    return assertThrows(OnnxImportException.class, () -> OnnxModel.load(file)).getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' missing in: " + message);
    }
  }

  @Test
  void aValidTinyModelLoads() throws IOException {
    Path file = Files.write(dir.resolve("model.onnx"), TinyOnnx.model(13, TinyOnnx.convRelu(),
        List.of(TinyOnnx.tensor("w", TinyOnnx.WEIGHT_SHAPE, TinyOnnx.weights()))));
    OnnxModel model = OnnxModel.load(file);
    assertEquals(List.of("c", "conv", "y", "relu"),
        model.info().layers().stream().map(l -> l.name()).toList());
    assertEquals(4, model.info().layer("relu").orElseThrow().channels());
  }

  @Test
  void garbageBytesAreNotAModel() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    assertMentions(refusal(garbage), "model.onnx");
  }

  @Test
  void aTruncatedFileIsRefused() throws IOException {
    byte[] whole = Files.readAllBytes(SharedOnnx.FILE);
    assertMentions(refusal(Arrays.copyOf(whole, whole.length / 2)), "not a valid ONNX protobuf");
  }

  @Test
  void anUnsupportedOperatorIsNamedWithItsNodeAndOpset() throws IOException {
    List<byte[]> nodes = List.of(TinyOnnx.node("NonMaxSuppression", "boxes/nms",
        List.of("image"), List.of("y")));
    assertMentions(refusal(TinyOnnx.model(13, nodes, List.of())), "unsupported operator",
        "NonMaxSuppression", "'boxes/nms'", "opset 13");
  }

  @Test
  void anUnsupportedAttributeIsNamed() throws IOException {
    List<byte[]> nodes = List.of(TinyOnnx.node("Relu", "act", List.of("image"), List.of("y"),
        TinyOnnx.intsAttribute("fancy", 1)));
    assertMentions(refusal(TinyOnnx.model(13, nodes, List.of())), "unsupported attribute",
        "'fancy'", "Relu node 'act'");
  }

  @Test
  void anOpsetOutsideTheSupportedRangeIsRefused() throws IOException {
    assertMentions(refusal(TinyOnnx.model(7, TinyOnnx.convRelu(),
        List.of(TinyOnnx.tensor("w", TinyOnnx.WEIGHT_SHAPE, TinyOnnx.weights())))),
        "opset 7", "opsets 11 to 18");
  }

  @Test
  void externalDataOutsideTheModelFolderIsRefused() throws IOException {
    Files.write(dir.resolve("secret.bin"), new byte[48]);
    Path folder = Files.createDirectory(dir.resolve("upload"));
    Path file = Files.write(folder.resolve("model.onnx"), TinyOnnx.model(13,
        TinyOnnx.convRelu(),
        List.of(TinyOnnx.externalTensor("w", TinyOnnx.WEIGHT_SHAPE, "../secret.bin"))));
    String message =
        assertThrows(OnnxImportException.class, () -> OnnxModel.load(file)).getMessage();
    assertMentions(message, "'w'", "../secret.bin", "outside the model's folder");
  }

  @Test
  void externalDataInsideTheModelFolderIsRead() throws IOException {
    ByteBuffer data = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
    data.asFloatBuffer().put(TinyOnnx.weights());
    Files.write(dir.resolve("weights.bin"), data.array());
    Path file = Files.write(dir.resolve("model.onnx"), TinyOnnx.model(13, TinyOnnx.convRelu(),
        List.of(TinyOnnx.externalTensor("w", TinyOnnx.WEIGHT_SHAPE, "weights.bin"))));
    assertEquals(4, OnnxModel.load(file).info().layer("conv").orElseThrow().channels());
  }

  @Test
  void aMissingInitializerIsNamed() throws IOException {
    assertMentions(refusal(TinyOnnx.model(13, TinyOnnx.convRelu(), List.of())),
        "Conv node 'conv'", "input 'w'", "neither an initializer");
  }

  @Test
  void aCycleIsRefused() throws IOException {
    List<byte[]> nodes = List.of(
        TinyOnnx.node("Add", "a", List.of("image", "b_out"), List.of("a_out")),
        TinyOnnx.node("Relu", "b", List.of("a_out"), List.of("b_out")),
        TinyOnnx.node("Relu", "y", List.of("image"), List.of("y")));
    assertMentions(refusal(TinyOnnx.model(13, nodes, List.of())), "cycle");
  }

  @Test
  void absurdDimensionsAreRefused() throws IOException {
    byte[] huge = TinyOnnx.tensor("w", new long[] {1L << 40, 3, 1, 1}, new float[0]);
    assertMentions(refusal(TinyOnnx.model(13, TinyOnnx.convRelu(), List.of(huge))),
        "tensor 'w'", "invalid dimension");
  }
}
