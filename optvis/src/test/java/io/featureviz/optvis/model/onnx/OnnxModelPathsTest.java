package io.featureviz.optvis.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.model.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ONNX model loads wherever the engine takes a model path: file, folder or metadata. */
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
}
