package io.featureviz.contracts.objective;

/**
 * One reason an objective does not fit a model. The path uses the JSON form's field names
 * ("objectives[1].terms[0].channel"); it is empty for the spec as a whole.
 */
public record ObjectiveProblem(String path, String message) {

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
