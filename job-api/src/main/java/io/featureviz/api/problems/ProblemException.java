package io.featureviz.api.problems;

import java.util.List;
import java.util.Map;

/** Ends a request with a problem document; thrown wherever a request is found wanting. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final transient Map<String, String> headers;

  public ProblemException(int status, String slug, String title, String detail,
      List<FieldError> errors) {
    this(status, slug, title, detail, errors, Map.of());
  }

  private ProblemException(int status, String slug, String title, String detail,
      List<FieldError> errors, Map<String, String> headers) {
    super(detail);
    this.problem = new Problem("https://featureviz.io/problems/" + slug, title, status, detail,
        List.copyOf(errors));
    this.headers = Map.copyOf(headers);
  }

  /** No key, or one that is unknown or revoked; the detail never repeats the key. */
  public static ProblemException unauthorized(String detail) {
    return new ProblemException(401, "unauthorized", "Unauthorized", detail, List.of(),
        Map.of("WWW-Authenticate", "Bearer realm=\"featureviz\""));
  }

  /** A tenant's quota is used up; {@code Retry-After} says when to try again. */
  public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
    return new ProblemException(429, "too-many-requests", "Too many requests", detail, List.of(),
        Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
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

  /** Headers the answer carries besides the problem document. */
  public Map<String, String> headers() {
    return headers;
  }
}
