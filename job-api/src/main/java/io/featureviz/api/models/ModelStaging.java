package io.featureviz.api.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.optvis.archive.ZipUnpacker;
import io.featureviz.optvis.model.tf.ModelMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lays an upload out as the folder the engine loads, named after the model's id, which is also
 * what is stored under {@code models/<id>/}:
 *
 * <ul>
 *   <li>tflite: {@code <id>.tflite}, {@code labels.txt};
 *   <li>graphdef: {@code model.pb}, {@code featureviz-model.json}, {@code labels.txt};
 *   <li>savedmodel: the SavedModel's files, {@code featureviz-model.json}, {@code labels.txt};
 *   <li>tfjs: {@code model.json} and its weight files.
 * </ul>
 *
 * The metadata's {@code id}, {@code model} and {@code labels} are set here: they name files, and a
 * user's paths must not make the engine read files outside the folder.
 */
final class ModelStaging {

  private static final String GRAPHDEF_FILE = "model.pb";
  private static final String LABELS_FILE = "labels.txt";

  private final ZipUnpacker unpacker;
  private final ObjectMapper json;

  ModelStaging(ZipUnpacker unpacker, ObjectMapper json) {
    this.unpacker = unpacker;
    this.json = json;
  }

  /** Stages the upload in {@code work}; returns the model's folder. */
  Path stage(UploadFormat format, String id, ModelUploadForm form, Path work) throws IOException {
    Path folder = work.resolve(id);
    if (format.isArchive()) {
      Path unpacked = work.resolve("unpacked");
      unpacker.unpack(form.file.uploadedFile(), unpacked);
      Files.move(topFolder(unpacked, format.archiveTopFile), folder);
    } else {
      Files.createDirectories(folder);
      String name = format == UploadFormat.TFLITE ? id + ".tflite" : GRAPHDEF_FILE;
      Files.copy(form.file.uploadedFile(), folder.resolve(name));
    }
    if (form.labels != null) {
      Files.writeString(folder.resolve(LABELS_FILE), form.labels);
    }
    if (format.needsMetadata) {
      writeMetadata(folder, id, form.metadata, format == UploadFormat.GRAPHDEF ? GRAPHDEF_FILE
          : null, form.labels != null);
    }
    return folder;
  }

  /** The archive's top folder, or its only folder when it was zipped with its parent folder. */
  private static Path topFolder(Path unpacked, String topFile) throws IOException {
    if (Files.isRegularFile(unpacked.resolve(topFile))) {
      return unpacked;
    }
    List<Path> children;
    try (Stream<Path> list = Files.list(unpacked)) {
      children = list.toList();
    }
    if (children.size() == 1 && Files.isRegularFile(children.get(0).resolve(topFile))) {
      return children.get(0);
    }
    throw ProblemException.invalidModel("the archive holds no " + topFile
        + " at its top or in its only folder");
  }

  private void writeMetadata(Path folder, String id, String text, String modelFile,
      boolean hasLabels) throws IOException {
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
    fields.remove(List.of("model", "labels"));
    if (modelFile != null) {
      fields.put("model", modelFile);
    }
    if (hasLabels) {
      fields.put("labels", LABELS_FILE);
    }
    Files.write(folder.resolve(ModelMetadata.FILE_NAME), json.writeValueAsBytes(fields));
  }
}
