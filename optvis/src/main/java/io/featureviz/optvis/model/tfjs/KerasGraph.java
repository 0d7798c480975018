package io.featureviz.optvis.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The layer graph of a Keras functional model, from model.json's {@code modelTopology}. */
record KerasGraph(Map<String, KerasLayer> layers, KerasLayer input) {

  static KerasGraph parse(JsonNode modelTopology) {
    // Some converters nest the Keras model under model_config, others store it directly.
    JsonNode model = modelTopology.has("model_config")
        ? modelTopology.get("model_config") : modelTopology;
    String modelClass = model.path("class_name").asText();
    if (!modelClass.equals("Model") && !modelClass.equals("Functional")) {
      throw new TfjsFormatException("unsupported Keras model class '" + modelClass
          + "': only functional models (Model, Functional) are supported");
    }
    JsonNode config = model.required("config");
    Map<String, KerasLayer> layers = new LinkedHashMap<>();
    for (JsonNode layer : config.required("layers")) {
      KerasLayer parsed = new KerasLayer(layer.required("name").asText(),
          layer.required("class_name").asText(), layer.required("config"), inbound(layer));
      layers.put(parsed.name(), parsed);
    }
    List<String> inputs = layerNames(config.required("input_layers"));
    if (inputs.size() != 1) {
      throw new TfjsFormatException("expected one input layer, found " + inputs);
    }
    KerasLayer input = layers.get(inputs.get(0));
    if (input == null || !input.className().equals("InputLayer")) {
      throw new TfjsFormatException("input layer " + inputs.get(0) + " is not an InputLayer");
    }
    return new KerasGraph(layers, input);
  }

  /**
   * The square input size from the input layer's batch_input_shape [batch, h, w, c]; the model
   * must take RGB images of a fixed size.
   */
  int inputSize() {
    JsonNode shape = input.param("batch_input_shape");
    if (shape.size() != 4 || !shape.get(1).canConvertToInt()
        || shape.get(1).asInt() != shape.get(2).asInt() || shape.get(3).asInt() != 3) {
      throw new TfjsFormatException(input.describe() + " must take square RGB images of a fixed"
          + " size, [null, size, size, 3]; it takes " + shape);
    }
    return shape.get(1).asInt();
  }

  /**
   * The convolution whose output {@code layer} batch-normalizes, when the two can be built as one
   * convolution: {@code layer} is a BatchNormalization taking only the output of a Conv2D without
   * activation.
   */
  Optional<KerasLayer> convolutionNormalizedBy(KerasLayer layer) {
    if (!layer.className().equals("BatchNormalization") || layer.inbound().size() != 1) {
      return Optional.empty();
    }
    KerasLayer producer = layers.get(layer.inbound().get(0));
    return producer != null && producer.className().equals("Conv2D")
        && producer.config().path("activation").asText().equals("linear")
        ? Optional.of(producer) : Optional.empty();
  }

  /** Keras 2 inbound_nodes: [[[layer, node index, tensor index, kwargs], ...]], one call. */
  private static List<String> inbound(JsonNode layer) {
    JsonNode nodes = layer.required("inbound_nodes");
    String name = layer.get("name").asText();
    if (nodes.size() > 1) {
      throw new TfjsFormatException("layer '" + name + "' is shared (called " + nodes.size()
          + " times); shared layers are not supported");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode node : nodes) {
      for (JsonNode tensor : node) {
        if (!tensor.isArray() || tensor.get(1).asInt() != 0 || tensor.get(2).asInt() != 0) {
          throw new TfjsFormatException("layer '" + name + "' has an unsupported inbound node "
              + tensor + ": expected [layer, 0, 0, kwargs]");
        }
        names.add(tensor.get(0).asText());
      }
    }
    return names;
  }

  /** [[name, node, tensor], ...] as in input_layers. */
  private static List<String> layerNames(JsonNode entries) {
    List<String> names = new ArrayList<>();
    entries.forEach(entry -> names.add(entry.get(0).asText()));
    return names;
  }
}
