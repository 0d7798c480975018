package io.featureviz.api.datasets;

import io.featureviz.api.problems.FieldError;
import io.featureviz.uploads.ZipUnpacker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The files of an upload that are to be images: each {@code images} part, and each file of the
 * {@code archive} zip, unpacked safely and flattened to file names. Files operating systems add
 * to archives (hidden files, macOS's {@code __MACOSX} folder) are left out.
 */
final class UploadedImages {

  private final ZipUnpacker unpacker;

  UploadedImages(ZipUnpacker unpacker) {
    this.unpacker = unpacker;
  }

  /** The form's files; one without a usable name is reported in {@code errors} instead. */
  List<ImageFile> collect(DatasetUploadForm form, Path work, UploadErrors errors)
      throws IOException {
    List<ImageFile> files = new ArrayList<>();
    List<FileUpload> parts = parts(form);
    for (int i = 0; i < parts.size(); i++) {
      FileUpload part = parts.get(i);
      String field = "images[" + i + "]";
      add(files, errors, field, field + " " + ImageNames.quoted(part.fileName()),
          part.fileName(), part.uploadedFile(), part.size());
    }
    if (form.archive != null) {
      Path unpacked = work.resolve("archive");
      unpacker.unpack(form.archive.uploadedFile(), unpacked);
      for (Path file : archiveFiles(unpacked)) {
        add(files, errors, "archive",
            "archive entry " + ImageNames.quoted(unpacked.relativize(file).toString()),
            file.getFileName().toString(), file, Files.size(file));
      }
    }
    return files;
  }

  static List<FileUpload> parts(DatasetUploadForm form) {
    return form.images == null ? List.of() : form.images;
  }

  private static void add(List<ImageFile> files, UploadErrors errors, String field,
      String source, String fileName, Path file, long bytes) {
    Optional<String> name = ImageNames.safe(fileName);
    if (name.isEmpty()) {
      errors.add(new FieldError(field, source + " has no usable file name"));
    } else {
      files.add(new ImageFile(field, source, name.get(), file, bytes));
    }
  }

  private static List<Path> archiveFiles(Path unpacked) throws IOException {
    if (!Files.isDirectory(unpacked)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(unpacked)) {
      return paths.filter(Files::isRegularFile)
          .filter(p -> !addedBySystem(unpacked.relativize(p))).sorted().toList();
    }
  }

  private static boolean addedBySystem(Path entry) {
    for (Path part : entry) {
      if (part.toString().startsWith(".") || part.toString().equals("__MACOSX")) {
        return true;
      }
    }
    return false;
  }
}
