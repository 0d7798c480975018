package io.featureviz.optvis.model.tf;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code featureviz-model.json} a user ships beside a TensorFlow model: what the file is, which
 * tensor takes the images, the pixel value range it expects and which tensors objectives may name.
 * Channel counts and spatial sizes are not typed by the user; they are discovered from the graph.
 *
 * <pre>{@code
 * {
 *   "id": "my_net",
 *   "format": "graphdef",
 *   "model": "my_net.pb",
 *   "input": "input:0",
 *   "input_size": 224,
 *   "value_range": [-1, 1],
 *   "layers": [{"name": "conv2", "tensor": "conv2/Relu:0"}],
 *   "logits": "logits:0",
 *   "labels": "labels.txt"
 * }
 * }</pre>
 *
 * @param model optional path of the model relative to this file: the {@code .pb} file of a graphdef
 *     (default: the only {@code .pb} beside this file) or the SavedModel folder (default: this
 *     file's folder)
 * @param logits optional tensor of pre-softmax class scores, exposed as the layer {@code logits}
 * @param labels optional text file beside this one, one class label per line
 */
public record ModelMetadata(
    String id,
    String format,
    String model,
    String input,
    @JsonProperty("input_size") Integer inputSize,
    @JsonProperty("value_range") List<Float> valueRange,
    List<Layer> layers,
    String logits,
    String labels) {

  public static final String FILE_NAME = "featureviz-model.json";
  public static final String SAVEDMODEL = "savedmodel";
  public static final String GRAPHDEF = "graphdef";
  /** The layer name under which the {@code logits} tensor is exposed. */
  public static final String LOGITS_LAYER = "logits";

  /** One exposed layer: the name objectives use and the graph tensor behind it. */
  public record Layer(String name, String tensor) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads and validates a metadata file; every problem names the offending field. */
  public static ModelMetadata read(Path file) {
    ModelMetadata metadata;
    try {
      metadata = JSON.readValue(Files.readAllBytes(file), ModelMetadata.class);
    } catch (NoSuchFileException e) {
      throw new ModelImportException("model metadata file not found: " + file);
    } catch (UnrecognizedPropertyException e) {
      throw new ModelImportException(file + ": unknown field '" + fieldPath(e) + "'; known fields: "
          + e.getKnownPropertyIds());
    } catch (JsonMappingException e) {
      throw new ModelImportException(
          file + ": field '" + fieldPath(e) + "': " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ModelImportException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ModelImportException("cannot read model metadata " + file + ": " + e, e);
    }
    if (metadata == null) {
      throw new ModelImportException(file + ": empty metadata file");
    }
    try {
      metadata.validate();
    } catch (ModelImportException e) {
      throw new ModelImportException(file + ": " + e.getMessage());
    }
    return metadata;
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private void validate() {
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]*")) {
      throw invalid("id", "must be letters, digits, '_', '.' or '-', got " + quoted(id));
    }
    if (!SAVEDMODEL.equals(format) && !GRAPHDEF.equals(format)) {
      throw invalid("format", "must be \"" + SAVEDMODEL + "\" or \"" + GRAPHDEF + "\", got "
          + quoted(format));
    }
    if (model != null && model.isBlank()) {
      throw invalid("model", "must be a path relative to the metadata file when given");
    }
    inputTensor();
    if (inputSize == null || inputSize < 1) {
      throw invalid("input_size", "must be a positive number of pixels, got " + inputSize);
    }
    if (valueRange == null || valueRange.size() != 2 || valueRange.contains(null)
        || !(valueRange.get(0) < valueRange.get(1))) {
      throw invalid("value_range", "must be [min, max] with min < max, e.g. [0, 1] or [-1, 1], got "
          + valueRange);
    }
    if (layers == null || layers.isEmpty()) {
      throw invalid("layers", "must list at least one {\"name\": ..., \"tensor\": ...}");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      if (layer == null || layer.name() == null || layer.name().isBlank()) {
        throw invalid("layers[" + i + "].name", "is missing");
      }
      if (!names.add(layer.name()) || (logits != null && layer.name().equals(LOGITS_LAYER))) {
        throw invalid("layers[" + i + "].name", quoted(layer.name()) + " is used twice"
            + (logits != null ? " (\"" + LOGITS_LAYER + "\" is taken by the logits)" : ""));
      }
    }
    layerTensors();
    if (labels != null && labels.isBlank()) {
      throw invalid("labels", "must name a text file beside the metadata when given");
    }
  }

  public TensorName inputTensor() {
    return TensorName.parse("input", input);
  }

  public float rangeMin() {
    return valueRange.get(0);
  }

  public float rangeMax() {
    return valueRange.get(1);
  }

  /** Every exposed tensor by layer name, input to output, with the logits last when given. */
  public Map<String, TensorName> layerTensors() {
    Map<String, TensorName> tensors = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      tensors.put(layer.name(), TensorName.parse("layers[" + i + "].tensor", layer.tensor()));
    }
    logitsTensor().ifPresent(t -> tensors.put(LOGITS_LAYER, t));
    return tensors;
  }

  public Optional<TensorName> logitsTensor() {
    return Optional.ofNullable(logits).map(t -> TensorName.parse("logits", t));
  }

  private static ModelImportException invalid(String field, String problem) {
    return new ModelImportException("field '" + field + "' " + problem);
  }

  private static String quoted(String s) {
    return s == null ? "nothing" : "\"" + s + "\"";
  }
}
