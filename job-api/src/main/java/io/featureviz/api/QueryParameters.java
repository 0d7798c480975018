package io.featureviz.api;

import io.featureviz.api.problems.ProblemException;
import io.featureviz.contracts.messages.ModelKeys;

/**
 * Query parameters shared by the listings, parsed here so that a bad one is a 400 naming it:
 * JAX-RS would answer an integer that does not parse with 404.
 */
public final class QueryParameters {

  private QueryParameters() {}

  public static int integer(String field, String text, int min, int max) {
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.invalidParameter(field, "must be an integer from " + min + " to " + max);
  }

  /** How many items a page holds: {@code limit}, or the configured default. */
  public static int pageSize(String limit, ApiConfig.Limits limits) {
    return limit == null ? limits.defaultPageSize()
        : integer("limit", limit, 1, limits.maxPageSize());
  }

  /** An id no model can have matches nothing: most likely a mistake, or an attack. */
  public static String modelId(String model) {
    if (model != null && !ModelKeys.isUploadedId(model)) {
      throw ProblemException.invalidParameter("model",
          "must be a model id matching " + ModelKeys.ID);
    }
    return model;
  }
}
