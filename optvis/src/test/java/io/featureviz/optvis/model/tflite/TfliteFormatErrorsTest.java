package io.featureviz.optvis.model.tflite;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files that are not whole TFLite models fail with a message that says what is wrong. */
class TfliteFormatErrorsTest {

  @TempDir Path dir;

  @Test
  void rejectsAFileThatIsNotTflite() throws IOException {
    Path photo = SharedFiles.images().resolve("bird.bmp");
    TfliteFormatException e = assertThrows(TfliteFormatException.class,
        () -> TfliteModel.load(photo, "bird"));
    assertTrue(e.getMessage().contains("is not a TFLite model"), e.getMessage());
  }

  @Test
  void rejectsAnEmptyFile() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.tflite"));
    TfliteFormatException e = assertThrows(TfliteFormatException.class,
        () -> TfliteModel.load(empty, "empty"));
    assertTrue(e.getMessage().contains("is not a TFLite model"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 4096, 1_000_000, 3_000_000})
  void rejectsATruncatedModel(int keptBytes) throws IOException {
    byte[] whole = Files.readAllBytes(SharedFiles.mobilenetV2());
    Path truncated = Files.write(dir.resolve("truncated.tflite"),
        Arrays.copyOf(whole, keptBytes));
    TfliteFormatException e = assertThrows(TfliteFormatException.class,
        () -> TfliteModel.load(truncated, "truncated"));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertTrue(e.getMessage().contains("truncated.tflite"), e.getMessage());
  }

  @Test
  void rejectsLabelsThatDoNotMatchTheClasses() throws IOException {
    Path labels = Files.write(dir.resolve("labels.txt"), List.of("cat", "dog"));
    TfliteFormatException e = assertThrows(TfliteFormatException.class,
        () -> TfliteModel.load(SharedFiles.mobilenetV2(), labels, "mobilenet_v2"));
    assertTrue(e.getMessage().contains("2 labels do not match the model's 1001 class scores"),
        e.getMessage());
  }
}
