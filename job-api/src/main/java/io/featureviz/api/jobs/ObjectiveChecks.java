package io.featureviz.api.jobs;

import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.objective.LayerShape;
import io.featureviz.contracts.objective.ObjectiveProblem;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.objective.ObjectiveValidator;
import java.util.List;

/** What submissions check of objectives and layers against a model's description. */
public final class ObjectiveChecks {

  private ObjectiveChecks() {}

  /**
   * Reports the problems of the objective in {@code field} on this model (as
   * {@code field.path} where a part of it is at fault); whether it had none.
   */
  public static boolean validate(SubmissionFields fields, String field, ObjectiveSpec objective,
      ModelDescription model, int batch) {
    List<ObjectiveProblem> problems =
        ObjectiveValidator.validate(objective, model.catalogView(), batch);
    for (ObjectiveProblem problem : problems) {
      fields.error(problem.path().isEmpty() ? field : field + "." + problem.path(),
          problem.message());
    }
    return problems.isEmpty();
  }

  /** Whether the layer's channels lie on a grid of positions (height or width over 1). */
  public static boolean hasPositions(LayerShape layer) {
    return (long) layer.height() * layer.width() > 1;
  }
}
