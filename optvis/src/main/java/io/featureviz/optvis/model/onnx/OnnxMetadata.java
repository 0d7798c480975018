package io.featureviz.optvis.model.onnx;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code featureviz-model.json} beside an ONNX model ({@code "format": "onnx"}); every field
 * but the format is optional.
 *
 * <pre>{@code
 * {"format": "onnx", "id": "my_net", "model": "my_net.onnx", "input_size": 224,
 *  "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "labels": "labels.txt"}
 * }</pre>
 *
 * @param model the .onnx file relative to this file (default: the only one beside it)
 * @param inputSize the image size when the model's input size is dynamic (default 224)
 * @param valueRange [min, max] the model takes for black and white, instead of mean and std
 * @param mean per-channel RGB mean on [0, 1] pixels, with {@code std}
 * @param labels a text file beside this one, one class label per line
 */
record OnnxMetadata(
    String id,
    String format,
    String model,
    @JsonProperty("input_size") Integer inputSize,
    @JsonProperty("value_range") List<Float> valueRange,
    List<Float> mean,
    List<Float> std,
    String labels) {

  static final String FILE_NAME = io.featureviz.optvis.model.tf.ModelMetadata.FILE_NAME;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether a metadata file says its model is ONNX. */
  static boolean describesOnnx(Path file) {
    try {
      JsonNode format = JSON.readTree(file.toFile()).get("format");
      return format != null && OnnxModel.FORMAT.equals(format.asText());
    } catch (IOException e) {
      return false;
    }
  }

  static OnnxMetadata read(Path file) {
    OnnxMetadata metadata;
    try {
      metadata = JSON.readValue(Files.readAllBytes(file), OnnxMetadata.class);
    } catch (JsonProcessingException e) {
      throw new OnnxImportException(file + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new OnnxImportException("cannot read " + file + ": " + e, e);
    }
    metadata.validate(file);
    return metadata;
  }

  private void validate(Path file) {
    if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]*")) {
      throw invalid(file, "id", "must be letters, digits, '_', '.' or '-'");
    }
    if (inputSize != null && (inputSize < 8 || inputSize > 4096)) {
      throw invalid(file, "input_size", "must be 8 to 4096 pixels, got " + inputSize);
    }
    if (valueRange != null && (mean != null || std != null)) {
      throw invalid(file, "value_range", "cannot be given with mean and std");
    }
    if (valueRange != null && (valueRange.size() != 2 || valueRange.contains(null)
        || !(valueRange.get(0) < valueRange.get(1)))) {
      throw invalid(file, "value_range", "must be [min, max] with min < max");
    }
    if ((mean == null) != (std == null)) {
      throw invalid(file, mean == null ? "mean" : "std", "must be given with "
          + (mean == null ? "std" : "mean"));
    }
    if (mean != null && (mean.size() != 3 || std.size() != 3 || mean.contains(null)
        || std.stream().anyMatch(s -> s == null || !(s > 0)))) {
      throw invalid(file, "mean", "and std must be three numbers each (RGB), std positive");
    }
  }

  Normalization normalization() {
    if (valueRange != null) {
      return Normalization.valueRange(valueRange.get(0), valueRange.get(1));
    }
    return mean != null ? new Normalization(mean, std) : Normalization.IMAGENET;
  }

  private static OnnxImportException invalid(Path file, String field, String problem) {
    return new OnnxImportException(file + ": field '" + field + "' " + problem);
  }
}
