package io.featureviz.contracts.objective;

/** JSON that is not a valid objective; {@link #path()} names the offending field. */
public final class ObjectiveJsonException extends IllegalArgumentException {

  private final String path;
  private final String problem;

  ObjectiveJsonException(String path, String problem) {
    super(path.isEmpty() ? problem : path + ": " + problem);
    this.path = path;
    this.problem = problem;
  }

  /** Path from the root object, e.g. "terms[1].channel"; empty for the root itself. */
  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }
}
