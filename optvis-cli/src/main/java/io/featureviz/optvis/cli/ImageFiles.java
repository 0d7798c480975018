package io.featureviz.optvis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The image files named on a command line: files as given, folders expanded. */
final class ImageFiles {

  /** What a folder's files must end with to be searched; other files there are left alone. */
  static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif");

  private ImageFiles() {}

  /**
   * Each file as given, and for each folder its image files (by extension, not hidden, not in
   * sub-folders) sorted by name; every file once.
   *
   * @throws IOException naming a path that does not exist or a folder without image files
   */
  static List<Path> expand(List<Path> inputs) throws IOException {
    Set<Path> files = new LinkedHashSet<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<Path> images = imagesIn(input);
        if (images.isEmpty()) {
          throw new IOException("no image files (" + String.join(", ", EXTENSIONS) + ") in "
              + input);
        }
        files.addAll(images);
      } else if (Files.exists(input)) {
        files.add(input.normalize());
      } else {
        throw new NoSuchFileException(input.toString(), null, "no such file or folder");
      }
    }
    return new ArrayList<>(files);
  }

  private static List<Path> imagesIn(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(Files::isRegularFile).filter(ImageFiles::isImageName)
          .map(Path::normalize).sorted().toList();
    }
  }

  private static boolean isImageName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
  }
}
