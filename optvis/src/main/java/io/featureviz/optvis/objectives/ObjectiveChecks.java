package io.featureviz.optvis.objectives;

import io.featureviz.contracts.objective.ObjectiveProblem;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.objective.ObjectiveValidator;
import io.featureviz.optvis.model.ModelInfo;
import java.util.List;
import java.util.stream.Collectors;

/** Rejects an objective that does not fit a model, listing every problem at once. */
public final class ObjectiveChecks {

  private ObjectiveChecks() {}

  /**
   * Checks every layer, channel, position and class of {@code spec} against the model.
   *
   * @return {@code spec}
   * @throws IllegalArgumentException naming the model and each problem with its path
   */
  public static ObjectiveSpec requireValid(ObjectiveSpec spec, ModelInfo model, int batch) {
    List<ObjectiveProblem> problems =
        ObjectiveValidator.validate(spec, model.catalogView(), batch);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid objective for model " + model.id() + ":\n"
          + problems.stream().map(p -> "  " + p.path() + ": " + p.message())
              .collect(Collectors.joining("\n")));
    }
    return spec;
  }
}
