package io.featureviz.api;

import io.featureviz.api.problems.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The wire form of the listings' page cursors: the keyset's text in base64url, so that clients
 * treat it as opaque and its form can change.
 */
public final class CursorText {

  private CursorText() {}

  public static String encode(String keyset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(keyset.getBytes(StandardCharsets.UTF_8));
  }

  /** The keyset text; a cursor that is no base64url is a 400 on {@code cursor}. */
  public static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** The problem of any cursor this API did not hand out. */
  public static ProblemException invalid() {
    return ProblemException.invalidParameter("cursor", "not a cursor from a previous page");
  }
}
