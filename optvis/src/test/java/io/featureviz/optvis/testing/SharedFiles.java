package io.featureviz.optvis.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared models and photos: system property {@code fv.shared.dir}, else {@code ../shared}. */
public final class SharedFiles {

  private SharedFiles() {}

  public static Path dir() {
    String configured = System.getProperty("fv.shared.dir");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured);
    }
    // Tests run in the module folder; the repository root is one up.
    Path fromModule = Path.of("..", "..", "shared");
    return Files.isDirectory(fromModule) ? fromModule : Path.of("..", "shared");
  }

  public static Path images() {
    return dir().resolve("images");
  }

  public static Path mobilenetV2() {
    return dir().resolve("models/mobilenet_v2_1.0_224_quant/mobilenet_v2_1.0_224_quant.tflite");
  }

  public static Path mobilenetV2Labels() {
    return mobilenetV2().resolveSibling("imagenet_labels.txt");
  }
}
