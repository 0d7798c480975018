package io.featureviz.contracts.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an objective against a model's catalog: layers exist, channels, positions and
 * vectors fit the layer, classes exist, and the ';' parts match the batch size. Reports every
 * problem rather than the first, so that an API client can fix a request in one go.
 */
public final class ObjectiveValidator {

  private static final int SUGGESTIONS = 3;

  private final ModelCatalogView catalog;
  private final int batchSize;
  private final List<ObjectiveProblem> problems = new ArrayList<>();

  private ObjectiveValidator(ModelCatalogView catalog, int batchSize) {
    this.catalog = catalog;
    this.batchSize = batchSize;
  }

  /** All problems of {@code spec} on this model and batch size; empty when it is valid. */
  public static List<ObjectiveProblem> validate(
      ObjectiveSpec spec, ModelCatalogView catalog, int batchSize) {
    ObjectiveValidator validator = new ObjectiveValidator(catalog, batchSize);
    if (batchSize < 1) {
      validator.report("", "batch size must be at least 1, got " + batchSize);
    } else if (!spec.fitsBatchSize(batchSize)) {
      validator.report("", spec.batchMismatch(batchSize));
    }
    List<Objective> parts = spec.perBatch();
    if (parts.size() == 1) {
      validator.check(parts.get(0), "");
    } else {
      for (int i = 0; i < parts.size(); i++) {
        validator.check(parts.get(i), JsonPath.element("", "objectives", i));
      }
    }
    return List.copyOf(validator.problems);
  }

  private void check(Objective objective, String path) {
    objective.accept(new NodeCheck(path));
  }

  private void report(String path, String message) {
    problems.add(new ObjectiveProblem(path, message));
  }

  private Optional<LayerShape> knownLayer(String path, String name) {
    Optional<LayerShape> shape = catalog.layer(name);
    if (shape.isEmpty()) {
      List<String> close = CloseNames.closest(name, catalog.layerNames(), SUGGESTIONS);
      String help =
          close.isEmpty()
              ? "the model has layers such as " + firstFew(catalog.layerNames())
              : "close names: " + String.join(", ", close);
      report(JsonPath.field(path, "layer"), "unknown layer '" + name + "'; " + help);
    }
    return shape;
  }

  private static String firstFew(List<String> names) {
    return String.join(", ", names.subList(0, Math.min(SUGGESTIONS, names.size())));
  }

  private void checkChannel(String path, LayerShape shape, int channel) {
    if (channel >= shape.channels()) {
      report(
          JsonPath.field(path, "channel"),
          "channel " + channel + " out of range: layer " + shape.name() + " has "
              + shape.channels() + " channels (0.." + (shape.channels() - 1) + ")");
    }
  }

  private void checkCoordinate(String path, String axis, int value, int size, LayerShape shape) {
    if (value >= size) {
      report(
          JsonPath.field(path, axis),
          axis + " " + value + " out of range: layer " + shape.name() + " is "
              + shape.width() + " wide and " + shape.height() + " high (" + axis + " 0.."
              + (size - 1) + ")");
    }
  }

  private void checkClass(String path, ClassRef cls, String kind) {
    String classPath = JsonPath.field(path, "class");
    List<String> labels = catalog.labels();
    if (!catalog.isClassifier()) {
      report(classPath, kind + " needs a classifier, but the model has no class outputs");
    } else if (cls instanceof ClassRef.Index index) {
      if (!labels.isEmpty() && index.value() >= labels.size()) {
        report(
            classPath,
            "class " + index.value() + " out of range: the model has " + labels.size()
                + " classes (0.." + (labels.size() - 1) + ")");
      }
    } else if (labels.isEmpty()) {
      report(classPath, "the model publishes no class labels; name the class by its index");
    } else if (cls.indexIn(labels).isEmpty()) {
      String label = ((ClassRef.Label) cls).text();
      List<String> close = CloseNames.closest(label, labels, SUGGESTIONS);
      report(
          classPath,
          "unknown class label '" + label + "'"
              + (close.isEmpty() ? "" : "; close labels: " + String.join(", ", close)));
    }
  }

  /** Checks one node; sums and scales recurse with the JSON form's paths. */
  private final class NodeCheck implements ObjectiveVisitor<Void> {

    private final String path;

    NodeCheck(String path) {
      this.path = path;
    }

    @Override
    public Void visit(Channel channel) {
      knownLayer(path, channel.layer())
          .ifPresent(shape -> checkChannel(path, shape, channel.channel()));
      return null;
    }

    @Override
    public Void visit(Neuron neuron) {
      knownLayer(path, neuron.layer())
          .ifPresent(
              shape -> {
                checkChannel(path, shape, neuron.channel());
                neuron.x().ifPresent(x -> checkCoordinate(path, "x", x, shape.width(), shape));
                neuron.y().ifPresent(y -> checkCoordinate(path, "y", y, shape.height(), shape));
              });
      return null;
    }

    @Override
    public Void visit(LayerObjective layer) {
      knownLayer(path, layer.layer());
      return null;
    }

    @Override
    public Void visit(Direction direction) {
      knownLayer(path, direction.layer())
          .filter(shape -> shape.channels() != direction.vector().size())
          .ifPresent(
              shape ->
                  report(
                      JsonPath.field(path, "vector"),
                      "vector has " + direction.vector().size() + " values but layer "
                          + shape.name() + " has " + shape.channels() + " channels"));
      return null;
    }

    @Override
    public Void visit(ClassLogit logit) {
      checkClass(path, logit.cls(), "logit");
      return null;
    }

    @Override
    public Void visit(ClassProbability probability) {
      checkClass(path, probability.cls(), "softmax");
      return null;
    }

    @Override
    public Void visit(Diversity diversity) {
      knownLayer(path, diversity.layer());
      if (batchSize == 1) {
        report(path, "diversity compares batch elements and needs a batch size of at least 2");
      }
      return null;
    }

    @Override
    public Void visit(L1 l1) {
      return null;
    }

    @Override
    public Void visit(L2 l2) {
      return null;
    }

    @Override
    public Void visit(TotalVariation totalVariation) {
      return null;
    }

    @Override
    public Void visit(Blur blur) {
      return null;
    }

    @Override
    public Void visit(Sum sum) {
      for (int i = 0; i < sum.terms().size(); i++) {
        check(sum.terms().get(i), JsonPath.element(path, "terms", i));
      }
      return null;
    }

    @Override
    public Void visit(Scaled scaled) {
      check(scaled.objective(), JsonPath.field(path, "objective"));
      return null;
    }
  }
}
