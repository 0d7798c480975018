package io.featureviz.api.problems;

import java.util.List;

/** Ends a request with a problem document; thrown wherever a request is found wanting. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(int status, String slug, String title, String detail,
      List<FieldError> errors) {
    super(detail);
    this.problem = new Problem("https://featureviz.io/problems/" + slug, title, status, detail,
        List.copyOf(errors));
  }

  public static ProblemException invalidRequest(List<FieldError> errors) {
    return new ProblemException(400, "invalid-request", "Invalid request",
        errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors);
  }

  public static ProblemException invalidParameter(String field, String message) {
    return invalidRequest(List.of(new FieldError(field, message)));
  }

  public static ProblemException jobNotFound(String id) {
    return new ProblemException(404, "job-not-found", "Job not found",
        "no job with id " + id, List.of());
  }

  /** The uploaded file is no model the engine can load, or an archive that is unsafe to unpack. */
  public static ProblemException invalidModel(String reason) {
    return new ProblemException(400, "invalid-model", "Invalid model", reason,
        List.of(new FieldError("file", reason)));
  }

  public Problem problem() {
    return problem;
  }
}
