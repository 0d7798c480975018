package io.featureviz.optvis.examples;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.ImageSource;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The shared photos, decoded once per test run or as files to search, named by file name. */
final class SharedPhotos {

  private static final List<NamedImage> ALL = SharedFiles.photos().stream().map(path -> {
    try {
      return new NamedImage(path.getFileName().toString(), ImageLoader.load(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }).toList();

  private SharedPhotos() {}

  static List<NamedImage> all() {
    return ALL;
  }

  static RgbImage named(String name) {
    return ALL.stream().filter(photo -> photo.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no shared photo " + name)).image();
  }

  /** Every shared photo as a source to search, named as in {@link #all}. */
  static List<ImageSource> sources() {
    return SharedFiles.photos().stream().map(path -> ImageSource.of(
        path.getFileName().toString(), () -> Files.readAllBytes(path))).toList();
  }

  /** The examples a search over {@code images} finds, as the CLI and the worker get them. */
  static List<DatasetExample> search(ImageModel model, ObjectiveSpec objective,
      List<ImageSource> images, int topK, int cropSize) {
    try (DatasetExampleSearch search = new DatasetExampleSearch(model, objective, cropSize)) {
      return search.search(images, topK, ExampleSearchListener.NONE).examples();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
