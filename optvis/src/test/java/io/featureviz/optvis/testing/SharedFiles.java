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

  /** The catalog the command line would use, pointed at the shared models. */
  public static io.featureviz.optvis.model.ModelCatalog catalog() {
    return CATALOG;
  }

  private static final io.featureviz.optvis.model.ModelCatalog CATALOG =
      new io.featureviz.optvis.model.ModelCatalog(dir().resolve("models"));

  /** Every photo in the shared images folder. */
  public static java.util.List<Path> photos() {
    try (java.util.stream.Stream<Path> files = Files.list(images())) {
      return files.filter(p -> p.toString().matches(".*\\.(jpg|bmp|png)$")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static Path mobilenetV2Labels() {
    return mobilenetV2().resolveSibling("imagenet_labels.txt");
  }
}
