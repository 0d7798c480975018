package io.featureviz.optvis.examples;

import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The shared photos, decoded once per test run, named by file name. */
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
}
