package io.featureviz.api;

import io.featureviz.api.problems.ProblemException;
import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.contracts.render.NumberRange;

/**
 * Query parameters shared by the listings, parsed here so that a bad one is a 400 naming it:
 * JAX-RS would answer an integer that does not parse with 404.
 */
public final class QueryParameters {

  /** Items on a page of a listing unless its {@code limit} says otherwise. */
  public static final int DEFAULT_PAGE_SIZE = 20;
  /** The values of {@code limit}. */
  public static final NumberRange PAGE_SIZE = NumberRange.integers(1, 100);
  /** The values of a {@code channel} filter: channel indexes. */
  public static final NumberRange CHANNEL = NumberRange.integers(0, Integer.MAX_VALUE);

  private QueryParameters() {}

  public static int integer(String field, String text, NumberRange range) {
    try {
      int value = Integer.parseInt(text);
      if (range.contains(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.invalidParameter(field, range.requirement());
  }

  /** How many items a page holds: {@code limit}, or the default. */
  public static int pageSize(String limit) {
    return limit == null ? DEFAULT_PAGE_SIZE : integer("limit", limit, PAGE_SIZE);
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
