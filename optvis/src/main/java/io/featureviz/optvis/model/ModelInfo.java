package io.featureviz.optvis.model;

import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.objective.LayerShape;
import io.featureviz.contracts.objective.ModelCatalogView;
import java.util.List;
import java.util.Optional;

/**
 * What the catalog knows of a model: its id, where it came from, the input it expects and the
 * layers objectives may name.
 *
 * @param id catalog id such as {@code mobilenet_v2}
 * @param format the import format: {@code tflite}, {@code tfjs-layers}, {@code savedmodel},
 *     {@code graphdef}
 * @param inputSize the square input size in pixels the model was trained at
 * @param rangeMin value the model expects for a black pixel
 * @param rangeMax value the model expects for a white pixel
 * @param layers the exposed layers, input to output
 * @param labels class labels of a classifier (index = class), empty otherwise
 * @param logitsLayer the layer holding pre-softmax class scores, if the model is a classifier
 * @param meanStd the per-channel statistics the model normalizes its input with, where channels
 *     differ (ONNX); the range is then the extremes they produce. Empty: the value range is what
 *     the model takes
 */
public record ModelInfo(
    String id,
    String format,
    int inputSize,
    float rangeMin,
    float rangeMax,
    List<LayerInfo> layers,
    List<String> labels,
    Optional<String> logitsLayer,
    Optional<MeanStd> meanStd) {

  public ModelInfo {
    layers = List.copyOf(layers);
    labels = List.copyOf(labels);
  }

  /** A model taking its input in a value range. */
  public ModelInfo(String id, String format, int inputSize, float rangeMin, float rangeMax,
      List<LayerInfo> layers, List<String> labels, Optional<String> logitsLayer) {
    this(id, format, inputSize, rangeMin, rangeMax, layers, labels, logitsLayer,
        Optional.empty());
  }

  /** This catalog entry as the objective validator of {@code contracts} sees it. */
  public ModelCatalogView catalogView() {
    return description().catalogView();
  }

  /** This model as the catalog keeps it, for services that validate jobs without the engine. */
  public ModelDescription description() {
    return new ModelDescription(id, format, inputSize, rangeMin, rangeMax,
        meanStd.map(MeanStd::mean).orElse(List.of()), meanStd.map(MeanStd::std).orElse(List.of()),
        layers.stream().map(l -> new LayerShape(l.name(), l.channels(), l.height(), l.width()))
            .toList(), labels, logitsLayer.orElse(null));
  }

  public Optional<LayerInfo> layer(String name) {
    return layers.stream().filter(l -> l.name().equals(name)).findFirst();
  }
}
