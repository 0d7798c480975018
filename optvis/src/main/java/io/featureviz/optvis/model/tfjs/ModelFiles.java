package io.featureviz.optvis.model.tfjs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where model.json and the weight files it names are read from: a folder or the class path. */
interface ModelFiles {

  /** Opens a file named relative to model.json; fails with a message naming where it looked. */
  InputStream open(String name);

  default byte[] read(String name) {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new TfjsFormatException("cannot read model file " + name, e);
    }
  }

  static ModelFiles directory(Path dir) {
    return name -> {
      Path file = dir.resolve(name).normalize();
      // model.json is user input: its weight paths must not read files outside the model's folder
      if (!file.startsWith(dir.normalize())) {
        throw new TfjsFormatException("model file " + name + " lies outside the model's folder");
      }
      try {
        return Files.newInputStream(file);
      } catch (NoSuchFileException e) {
        throw new TfjsFormatException("missing model file " + file, e);
      } catch (IOException e) {
        throw new TfjsFormatException("cannot read model file " + file, e);
      }
    };
  }

  static ModelFiles classpath(String folder) {
    return name -> {
      String resource = folder + "/" + name;
      InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new TfjsFormatException("missing class path resource " + resource);
      }
      return in;
    };
  }
}
