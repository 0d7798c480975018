package io.featureviz.api.datasets;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names images get in a dataset, from the file names clients send: the last path part only
 * (browsers may send a whole path, archives hold folders), without control or invisible
 * formatting characters. The name ends an object key and is shown to people.
 */
public final class ImageNames {

  /** Longest name in UTF-8 bytes, as file systems allow. */
  private static final int MAX_BYTES = 255;

  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

  private ImageNames() {}

  /** The safe name, or empty when nothing usable is left of it. */
  public static Optional<String> safe(String fileName) {
    if (fileName == null) {
      return Optional.empty();
    }
    String base = fileName.substring(
        Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    String name = INVISIBLE.matcher(base).replaceAll("").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")
        || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /** The name as given, quoted for an error message, control characters shown as '?'. */
  public static String quoted(String fileName) {
    return fileName == null ? "no file name"
        : "'" + INVISIBLE.matcher(fileName).replaceAll("?") + "'";
  }
}
