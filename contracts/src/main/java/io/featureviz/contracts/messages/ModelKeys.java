package io.featureviz.contracts.messages;

import java.util.regex.Pattern;

/**
 * Where uploaded models live in the bucket: {@code models/<id>/}, written by the job API when a
 * model loads and read by workers, which cache it by id.
 */
public final class ModelKeys {

  /** Uploaded model ids: short, lower-case, safe in an object key, a folder name and a URL. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  private ModelKeys() {}

  /** Whether {@code id} can name an uploaded model (and so an object prefix or a folder). */
  public static boolean isUploadedId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** {@code models/<id>/}. */
  public static String prefix(String id) {
    if (!isUploadedId(id)) {
      throw new IllegalArgumentException("invalid model id '" + id + "': must match " + ID);
    }
    return "models/" + id + "/";
  }
}
