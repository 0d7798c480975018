package io.featureviz.contracts.objective;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What objective validation needs to know about a model: its layers and its class labels. */
public interface ModelCatalogView {

  Optional<LayerShape> layer(String name);

  List<String> layerNames();

  /** Class labels in output order; empty when the model is not a classifier. */
  List<String> labels();

  default boolean isClassifier() {
    return !labels().isEmpty();
  }

  /** An in-memory catalog, for tests and for services that hold the catalog as data. */
  static ModelCatalogView of(List<LayerShape> layers, List<String> labels) {
    Map<String, LayerShape> byName =
        layers.stream().collect(Collectors.toUnmodifiableMap(LayerShape::name, Function.identity()));
    List<String> names = layers.stream().map(LayerShape::name).toList();
    List<String> labelList = List.copyOf(labels);
    return new ModelCatalogView() {
      @Override
      public Optional<LayerShape> layer(String name) {
        return Optional.ofNullable(byName.get(name));
      }

      @Override
      public List<String> layerNames() {
        return names;
      }

      @Override
      public List<String> labels() {
        return labelList;
      }
    };
  }
}
