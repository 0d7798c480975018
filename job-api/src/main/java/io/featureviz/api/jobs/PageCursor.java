package io.featureviz.api.jobs;

import io.featureviz.api.CursorText;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Where a page of jobs ends: the last job's (created_at, id), the keyset the listing is ordered by. */
public record PageCursor(Instant createdAt, String id) {

  public static PageCursor after(JobRow last) {
    return new PageCursor(last.createdAt(), last.id());
  }

  public String encode() {
    return CursorText.encode(createdAt + "|" + id);
  }

  public static PageCursor decode(String cursor) {
    String text = CursorText.decode(cursor);
    int bar = text.indexOf('|');
    if (bar > 0 && bar < text.length() - 1) {
      try {
        return new PageCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
      } catch (DateTimeParseException e) {
        // reported below, as for any cursor this API did not hand out
      }
    }
    throw CursorText.invalid();
  }
}
