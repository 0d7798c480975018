package io.featureviz.api.jobs;

import io.featureviz.api.problems.ProblemException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Job (and sweep) ids in paths: UUIDs in their canonical text form. */
public final class JobId {

  // UUID.fromString alone accepts forms such as "1-1-1-1-1".
  private static final Pattern CANONICAL =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private JobId() {}

  static String parse(String text) {
    return parse(text, "job");
  }

  /** The id in canonical form; else a 400 on {@code id} saying that {@code what} ids are UUIDs. */
  public static String parse(String text, String what) {
    if (text == null || !CANONICAL.matcher(text).matches()) {
      throw ProblemException.invalidParameter("id", what + " ids are UUIDs, got '" + text + "'");
    }
    return UUID.fromString(text).toString().toLowerCase(Locale.ROOT);
  }
}
