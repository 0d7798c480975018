package io.featureviz.optvis.model.tf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A graph tensor named the TensorFlow way, {@code node:index} ({@code conv2/Relu:0}); a bare
 * node name means output 0.
 */
public record TensorName(String node, int index) {

  private static final Pattern FORM =
      Pattern.compile("([A-Za-z0-9.][A-Za-z0-9_.\\-/]*)(?::(\\d+))?");

  /** Parses {@code text}; {@code field} names the metadata field in the error. */
  public static TensorName parse(String field, String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new ModelImportException(
          "field '" + field + "' must be a tensor name like conv2/Relu:0, got '" + text + "'");
    }
    return new TensorName(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
  }

  @Override
  public String toString() {
    return node + ":" + index;
  }
}
