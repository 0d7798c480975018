package io.featureviz.optvis.model.tflite;

import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * An image classifier or feature extractor imported from a TensorFlow Lite file and rebuilt as a
 * float TensorFlow graph (see {@link TfliteNetwork}).
 *
 * <p>Exposed layers are every NHWC tensor an operator computes, named after its tensor (see
 * {@link LayerNaming}), plus {@code logits} for a classifier's pre-softmax scores.
 */
public final class TfliteModel implements ImageModel {

  public static final String FORMAT = "tflite";

  private final ModelInfo info;
  private final TfliteNetwork network;
  private final Map<Integer, String> layerNames;

  private TfliteModel(ModelInfo info, TfliteNetwork network, Map<Integer, String> layerNames) {
    this.info = info;
    this.network = network;
    this.layerNames = layerNames;
  }

  /** Loads a model without class labels. */
  public static TfliteModel load(Path tfliteFile, String id) throws IOException {
    return create(tfliteFile, List.of(), id);
  }

  /**
   * Loads a classifier with its labels file: one label per line, class index = line number.
   *
   * @throws TfliteFormatException when the file is no TFLite model, is truncated, uses an op
   *     the importer lacks, or the labels do not match the classes
   */
  public static TfliteModel load(Path tfliteFile, Path labelsFile, String id) throws IOException {
    return create(tfliteFile, readLabels(labelsFile), id);
  }

  private static TfliteModel create(Path tfliteFile, List<String> labels, String id)
      throws IOException {
    TfliteModelFile file = TfliteModelFile.read(tfliteFile);
    TfliteNetwork network;
    try {
      network = TfliteNetwork.prepare(file);
    } catch (TfliteFormatException e) {
      throw new TfliteFormatException(tfliteFile + ": " + e.getMessage());
    }
    TfliteTensor logits = network.logits();
    if (!labels.isEmpty() && (logits == null || logits.channels() != labels.size())) {
      throw new TfliteFormatException(tfliteFile + ": " + labels.size()
          + " labels do not match the model's " + (logits == null ? "missing" : logits.channels())
          + " class scores");
    }
    List<TfliteTensor> layers = network.computedTensors().stream()
        .map(file::tensor)
        .filter(t -> t.shape().length == 4 || t == logits)
        .toList();
    Map<Integer, String> names = LayerNaming.names(layers, logits);
    List<LayerInfo> layerInfos = new ArrayList<>();
    for (TfliteTensor tensor : layers) {
      int[] shape = tensor.shape();
      boolean spatial = shape.length == 4;
      layerInfos.add(new LayerInfo(names.get(tensor.index()), tensor.channels(),
          spatial ? shape[1] : 1, spatial ? shape[2] : 1));
    }
    ModelInfo info = new ModelInfo(id, FORMAT, network.input().shape()[1],
        network.inputRange().min(), network.inputRange().max(), layerInfos, labels,
        Optional.ofNullable(logits).map(t -> LayerNaming.LOGITS));
    return new TfliteModel(info, network, names);
  }

  private static List<String> readLabels(Path labelsFile) throws IOException {
    List<String> labels = new ArrayList<>(Files.readAllLines(labelsFile, StandardCharsets.UTF_8));
    while (!labels.isEmpty() && labels.get(labels.size() - 1).isBlank()) {
      labels.remove(labels.size() - 1);
    }
    return labels;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public Map<String, Operand<TFloat32>> build(NetworkBuilder net, Operand<TFloat32> images) {
    Map<Integer, Operand<TFloat32>> values = network.build(net, images);
    Map<String, Operand<TFloat32>> layers = new LinkedHashMap<>();
    layerNames.forEach((index, name) -> layers.put(name, values.get(index)));
    return layers;
  }
}
