package io.featureviz.optvis.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.uploads.TestZips;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ONNX model loads wherever the engine takes a model path: file, folder, metadata or zip. */
class OnnxModelPathsTest {

  @TempDir
  Path dir;

  private Path tinyModel() throws IOException {
    return Files.write(dir.resolve("tiny.onnx"), TinyOnnx.model(13, TinyOnnx.convRelu(),
        List.of(TinyOnnx.tensor("w", TinyOnnx.WEIGHT_SHAPE, TinyOnnx.weights()))));
  }

  @Test
  void anOnnxFileLoadsWithImagenetNormalization() throws IOException {
    Path file = tinyModel();
    ModelInfo info = new ModelCatalog(dir).load(file.toString()).info();
    assertEquals("tiny", info.id());
    assertEquals(OnnxModel.FORMAT, info.format());
    assertEquals(8, info.inputSize());
    assertEquals(-0.485f / 0.229f, info.rangeMin(), 1e-5);
  }

  @Test
  void aFolderWithMetadataLoadsWithItsIdAndValueRange() throws IOException {
    tinyModel();
    Files.writeString(dir.resolve(OnnxMetadata.FILE_NAME),
        "{\"format\": \"onnx\", \"id\": \"my_net\", \"value_range\": [-1, 1]}");
    assertTrue(OnnxModel.accepts(dir));
    ModelInfo info = new ModelCatalog(dir).load(dir.toString()).info();
    assertEquals("my_net", info.id());
    assertEquals(-1f, info.rangeMin(), 1e-6);
    assertEquals(1f, info.rangeMax(), 1e-6);
  }

  @Test
  void metadataOfAnotherFormatIsLeftToItsImporter() throws IOException {
    tinyModel();
    Files.writeString(dir.resolve(OnnxMetadata.FILE_NAME), "{\"format\": \"graphdef\"}");
    assertFalse(OnnxModel.accepts(dir));
  }

  @Test
  void aZipOfAFolderWithExternalDataAndMetadataLoads() throws IOException {
    ByteBuffer weights = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
    weights.asFloatBuffer().put(TinyOnnx.weights());
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("net/tiny.onnx", TinyOnnx.model(13, TinyOnnx.convRelu(),
        List.of(TinyOnnx.externalTensor("w", TinyOnnx.WEIGHT_SHAPE, "data/w.bin"))));
    entries.put("net/data/w.bin", weights.array());
    entries.put("net/" + OnnxMetadata.FILE_NAME,
        "{\"format\": \"onnx\", \"id\": \"zipped\", \"value_range\": [0, 1]}"
            .getBytes(StandardCharsets.UTF_8));
    Path zip = Files.write(dir.resolve("net.zip"), TestZips.zip(entries));
    ModelInfo info = new ModelCatalog(dir).load(zip.toString()).info();
    assertEquals("zipped", info.id());
    assertEquals(1f, info.rangeMax(), 1e-6);
    assertEquals(4, info.layer("conv").orElseThrow().channels());
  }

  @Test
  void aZipEntryEscapingItsFolderIsRefusedByName() throws IOException {
    Path zip = Files.write(dir.resolve("evil.zip"),
        TestZips.zip("tiny.onnx", "x", "../evil.onnx", "x"));
    String message = assertThrows(ModelCatalog.UnknownModelException.class,
        () -> new ModelCatalog(dir).load(zip.toString())).getMessage();
    assertTrue(message.contains("entry '../evil.onnx' points outside"), message);
    assertFalse(Files.exists(dir.resolveSibling("evil.onnx")));
  }
}
