package io.featureviz.client.sweeps;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form of a sweep's {@code channels}: comma-separated channels and inclusive ranges, e.g.
 * {@code 0-63,100}. Whether the channels exist in a layer only the API knows.
 */
public final class ChannelRanges {

  private static final Pattern FORM =
      Pattern.compile("\\d{1,9}(-\\d{1,9})?(,\\d{1,9}(-\\d{1,9})?)*");

  private ChannelRanges() {}

  /** Why {@code text} is not a channel list, or empty when it is one. */
  public static Optional<String> refusal(String option, String text) {
    if (!FORM.matcher(text).matches()) {
      return Optional.of(option + " must be channels and ranges such as 0-63,100, not '" + text
          + "'");
    }
    for (String range : text.split(",")) {
      String[] ends = range.split("-");
      if (ends.length == 2 && Integer.parseInt(ends[0]) > Integer.parseInt(ends[1])) {
        return Optional.of(option + ": the range " + range + " ends before it starts");
      }
    }
    return Optional.empty();
  }
}
