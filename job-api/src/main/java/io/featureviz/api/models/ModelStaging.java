package io.featureviz.api.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.uploads.ZipUnpacker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lays an upload out as the folder a worker's engine loads, named after the model's id, which is
 * also what is stored under {@code models/<id>/}:
 *
 * <ul>
 *   <li>tflite: {@code <id>.tflite}, {@code labels.txt};
 *   <li>graphdef: {@code model.pb}, {@code featureviz-model.json}, {@code labels.txt};
 *   <li>savedmodel: the SavedModel's files, {@code featureviz-model.json}, {@code labels.txt};
 *   <li>tfjs: {@code model.json} and its weight files;
 *   <li>onnx: {@code <id>.onnx}, or the zip's {@code .onnx} file with its external data files;
 *       {@code featureviz-model.json} (the form's, else the zip's, else an empty one),
 *       {@code labels.txt}.
 * </ul>
 *
 * The metadata's {@code id}, {@code format}, {@code model} and {@code labels} are set here, and a
 * metadata file in a zip is only kept as rewritten here: they name files, and a user's paths must
 * not make the engine read files outside the folder. Only what needs no engine is checked here:
 * the zip's safety, the one model file a zip must hold, a TFLite file's identifier, the
 * metadata being a JSON object; whether the model loads is the import's to find out.
 */
final class ModelStaging {

  /** The metadata file the engine reads beside a model (optvis' {@code ModelMetadata}). */
  static final String METADATA_FILE = "featureviz-model.json";
  private static final String GRAPHDEF_FILE = "model.pb";
  private static final String LABELS_FILE = "labels.txt";
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  /** A TFLite FlatBuffer's file identifier, at bytes 4 to 7 (after the root table's offset). */
  private static final byte[] TFLITE_IDENTIFIER = {'T', 'F', 'L', '3'};
  private static final int TFLITE_IDENTIFIER_OFFSET = 4;

  private final ZipUnpacker unpacker;
  private final ObjectMapper json;

  ModelStaging(ZipUnpacker unpacker, ObjectMapper json) {
    this.unpacker = unpacker;
    this.json = json;
  }

  /** Stages the upload in {@code work}; returns the model's folder. */
  Path stage(UploadFormat format, String id, ModelUploadForm form, Path work) throws IOException {
    Path upload = form.file.uploadedFile();
    Path folder = work.resolve(id);
    String modelFile;
    if (isZip(format, upload)) {
      Path unpacked = work.resolve("unpacked");
      unpacker.unpack(upload, unpacked);
      Path top = topFile(unpacked, format.archiveTopFile);
      Files.move(top.getParent(), folder);
      modelFile = top.getFileName().toString();
    } else {
      if (format == UploadFormat.TFLITE) {
        checkTfliteIdentifier(upload);
      }
      Files.createDirectories(folder);
      modelFile = switch (format) {
        case TFLITE -> id + ".tflite";
        case ONNX -> id + ".onnx";
        default -> GRAPHDEF_FILE;
      };
      Files.copy(upload, folder.resolve(modelFile));
    }
    if (form.labels != null) {
      Files.writeString(folder.resolve(LABELS_FILE), form.labels);
    }
    Path metadataFile = folder.resolve(METADATA_FILE);
    String metadata = metadataText(format, form.metadata, metadataFile);
    Files.deleteIfExists(metadataFile);
    if (metadata != null) {
      // a SavedModel is its folder: its metadata names no file
      writeMetadata(metadataFile, id, format, metadata,
          format == UploadFormat.SAVEDMODEL ? null : modelFile, form.labels != null);
    }
    return folder;
  }

  private static boolean isZip(UploadFormat format, Path upload) throws IOException {
    return switch (format.packing) {
      case FILE -> false;
      case ZIP -> true;
      case FILE_OR_ZIP -> {
        try (InputStream in = Files.newInputStream(upload)) {
          yield Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
        }
      }
    };
  }

  private static void checkTfliteIdentifier(Path upload) throws IOException {
    int end = TFLITE_IDENTIFIER_OFFSET + TFLITE_IDENTIFIER.length;
    byte[] head;
    try (InputStream in = Files.newInputStream(upload)) {
      head = in.readNBytes(end);
    }
    if (head.length < end || !Arrays.equals(head, TFLITE_IDENTIFIER_OFFSET, end,
        TFLITE_IDENTIFIER, 0, TFLITE_IDENTIFIER.length)) {
      throw ProblemException.invalidModel("not a TFLite file: bytes 4 to 7 are not the"
          + " identifier TFL3");
    }
  }

  /**
   * The metadata to write: the form's; else, where it is optional, the zip's or an empty one;
   * null for none.
   */
  private static String metadataText(UploadFormat format, String formMetadata, Path zipMetadata)
      throws IOException {
    if (formMetadata != null || format.metadata != UploadFormat.Metadata.OPTIONAL) {
      return formMetadata;
    }
    return Files.isRegularFile(zipMetadata) ? Files.readString(zipMetadata) : "{}";
  }

  /**
   * The one file matching the glob at the archive's top, or in its only folder when it was
   * zipped with its parent folder.
   */
  private static Path topFile(Path unpacked, String glob) throws IOException {
    List<Path> found = matching(unpacked, glob);
    if (found.isEmpty()) {
      List<Path> children;
      try (Stream<Path> list = Files.list(unpacked)) {
        children = list.toList();
      }
      if (children.size() == 1 && Files.isDirectory(children.get(0))) {
        found = matching(children.get(0), glob);
      }
    }
    if (found.isEmpty()) {
      throw ProblemException.invalidModel("the archive holds no " + glob
          + " at its top or in its only folder");
    }
    if (found.size() > 1) {
      throw ProblemException.invalidModel("the archive holds " + found.size() + " files "
          + glob + " where one is expected: "
          + found.stream().map(f -> unpacked.relativize(f).toString()).sorted().toList());
    }
    return found.get(0);
  }

  private static List<Path> matching(Path folder, String glob) throws IOException {
    PathMatcher matcher = folder.getFileSystem().getPathMatcher("glob:" + glob);
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName()))
          .toList();
    }
  }

  private void writeMetadata(Path file, String id, UploadFormat format, String text,
      String modelFile, boolean hasLabels) throws IOException {
    JsonNode metadata;
    try {
      metadata = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw ProblemException.invalidParameter("metadata",
          "not valid JSON: " + e.getOriginalMessage());
    }
    if (!(metadata instanceof ObjectNode fields)) {
      throw ProblemException.invalidParameter("metadata", "must be a JSON object");
    }
    fields.put("id", id);
    fields.put("format", format.key());
    fields.remove(List.of("model", "labels"));
    if (modelFile != null) {
      fields.put("model", modelFile);
    }
    if (hasLabels) {
      fields.put("labels", LABELS_FILE);
    }
    Files.write(file, json.writeValueAsBytes(fields));
  }
}
