package io.featureviz.optvis.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An encoded image (JPEG, PNG, BMP, GIF) from anywhere, a file or an object in a store: its name
 * and a way to read its bytes, as often as asked. A search over many images holds these, not
 * pixels, and reads the few it keeps a second time.
 */
public interface ImageSource {

  /** Reads the encoded bytes. */
  @FunctionalInterface
  interface Bytes {
    byte[] read() throws IOException;
  }

  /** What the image is called in results and error messages. */
  String name();

  /** @throws IOException naming the image when its bytes cannot be read */
  byte[] bytes() throws IOException;

  static ImageSource of(String name, Bytes bytes) {
    return new ImageSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public byte[] bytes() throws IOException {
        return bytes.read();
      }
    };
  }

  /** A file, named by its path as given. */
  static ImageSource file(Path file) {
    return of(file.toString(), () -> Files.readAllBytes(file));
  }
}
