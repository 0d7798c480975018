package io.featureviz.optvis.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One layer of a Keras functional model: its Keras class, its config as saved, and the layers
 * whose outputs it takes, in order.
 */
record KerasLayer(String name, String className, JsonNode config, List<String> inbound) {

  KerasLayer {
    inbound = List.copyOf(inbound);
  }

  JsonNode param(String key) {
    JsonNode value = config.get(key);
    if (value == null || value.isNull()) {
      throw new TfjsFormatException(describe() + " has no config." + key);
    }
    return value;
  }

  String describe() {
    return "layer '" + name + "' (" + className + ")";
  }
}
