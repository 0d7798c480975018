package io.featureviz.optvis.model.tf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code featureviz-model.json} files for the {@link TinyConvNet} test models. */
final class MetadataFiles {
  private MetadataFiles() {}

  /** Valid metadata for the tiny net in {@code format}, as a mutable map tests may break. */
  static Map<String, Object> forTinyNet(String format, float min, float max) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", "tiny");
    json.put("format", format);
    json.put("input", "input:0");
    json.put("input_size", TinyConvNet.SIZE);
    json.put("value_range", List.of(min, max));
    List<Map<String, String>> layers = new ArrayList<>();
    for (String layer : List.of("conv1", "conv2")) {
      layers.add(new LinkedHashMap<>(
          Map.of("name", layer, "tensor", TinyConvNet.TENSORS.get(layer))));
    }
    json.put("layers", layers);
    json.put("logits", TinyConvNet.TENSORS.get("logits"));
    return json;
  }

  static Path write(Path dir, Map<String, Object> json) throws IOException {
    Path file = dir.resolve(ModelMetadata.FILE_NAME);
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
    return file;
  }
}
