package io.featureviz.api.jobs;

import io.featureviz.api.problems.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of jobs ends: the last job's (created_at, id), the keyset the listing is ordered
 * by. Opaque to clients (base64url), so its form can change.
 */
public record PageCursor(Instant createdAt, String id) {

  public static PageCursor after(JobRow last) {
    return new PageCursor(last.createdAt(), last.id());
  }

  public String encode() {
    String text = createdAt + "|" + id;
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  public static PageCursor decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = text.indexOf('|');
      if (bar > 0 && bar < text.length() - 1) {
        return new PageCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // reported below, as for any cursor this API did not hand out
    }
    throw ProblemException.invalidParameter("cursor", "not a cursor from a previous page");
  }
}
