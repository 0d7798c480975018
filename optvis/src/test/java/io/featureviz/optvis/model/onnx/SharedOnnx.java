package io.featureviz.optvis.model.onnx;

import io.featureviz.optvis.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared ONNX MobileNetV2 (same weights as the TFLite one), loaded once for all tests. */
final class SharedOnnx {
  private SharedOnnx() {}

  static final Path FOLDER = SharedFiles.dir().resolve("models/mobilenet_v2_1.0_224_onnx");
  static final Path FILE = FOLDER.resolve("mobilenet_v2_1.0_224.onnx");

  private static OnnxModel model;

  /** Its README: RGB in [0, 1] (the model scales to [-1, 1] itself), labels as the TFLite's. */
  static synchronized OnnxModel mobilenetV2() {
    if (model == null) {
      try {
        List<String> labels = Files.readAllLines(FOLDER.resolve("imagenet_labels.txt"));
        model = OnnxModel.load(FILE, Normalization.valueRange(0, 1), labels, "mobilenet_v2_onnx",
            null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return model;
  }
}
