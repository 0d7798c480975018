package io.featureviz.contracts.messages;

import io.featureviz.contracts.objective.LayerShape;
import io.featureviz.contracts.objective.ModelCatalogView;
import java.util.List;
import java.util.Optional;

/**
 * What the model catalog knows of a model once a worker has loaded it: everything the job API
 * needs to validate a job on it without loading it. Written by workers (built-in models at
 * start-up, uploads when imported), carried by {@link ModelCatalogEntry} on {@link Topics#MODELS}
 * and kept in PostgreSQL.
 *
 * @param id the model's id
 * @param format the import format: {@code tflite}, {@code tfjs-layers}, {@code savedmodel},
 *     {@code graphdef}, {@code onnx}
 * @param inputSize the square input size in pixels the model was trained at
 * @param rangeMin value the model expects for a black pixel
 * @param rangeMax value the model expects for a white pixel
 * @param mean per-channel mean of the model's input normalization (PyTorch models); empty when
 *     the value range is what the model takes
 * @param std per-channel standard deviation, as {@code mean}
 * @param layers the exposed layers, input to output, with their shapes at the input size
 * @param labels class labels of a classifier (index = class), empty otherwise
 * @param logitsLayer the layer holding pre-softmax class scores; null when not a classifier
 */
public record ModelDescription(
    String id,
    String format,
    int inputSize,
    float rangeMin,
    float rangeMax,
    List<Float> mean,
    List<Float> std,
    List<LayerShape> layers,
    List<String> labels,
    String logitsLayer) {

  public ModelDescription {
    mean = mean == null ? List.of() : List.copyOf(mean);
    std = std == null ? List.of() : List.copyOf(std);
    layers = List.copyOf(layers);
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** This model as the objective validator sees it. */
  public ModelCatalogView catalogView() {
    return ModelCatalogView.of(layers, labels);
  }

  public Optional<LayerShape> layer(String name) {
    return layers.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  public Optional<String> logits() {
    return Optional.ofNullable(logitsLayer);
  }
}
