package io.featureviz.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.api.problems.FieldError;
import io.featureviz.api.problems.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

  private static String base64(String text) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void cursorDecodesToTheKeysetItWasMadeFrom() {
    PageCursor cursor = new PageCursor(Instant.parse("2024-05-01T12:34:56.123456Z"),
        "0f8fad5b-d9cb-469f-a165-70867728950e");
    assertEquals(cursor, PageCursor.decode(cursor.encode()));
  }

  /** Safe in a query string as it is: base64url, no padding. */
  @Test
  void encodedCursorNeedsNoEscaping() {
    String encoded = new PageCursor(Instant.EPOCH, "a?b&c=d/e+f").encode();
    assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
    assertEquals("a?b&c=d/e+f", PageCursor.decode(encoded).id());
  }

  /** A keyset, not a session: a cursor of long ago still says where its page ended. */
  @Test
  void oldCursorStillDecodes() {
    String old = base64("2001-01-01T00:00:00Z|job-1");
    assertEquals(new PageCursor(Instant.parse("2001-01-01T00:00:00Z"), "job-1"),
        PageCursor.decode(old));
  }

  @Test
  void idMayHoldTheSeparator() {
    PageCursor cursor = new PageCursor(Instant.EPOCH, "a|b");
    assertEquals(cursor, PageCursor.decode(cursor.encode()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage!", "%%%", "bm90IGEgY3Vyc29y", "fDIwMjQ", "MjAyNHw"})
  void garbledCursorIsAnInvalidCursorParameter(String cursor) {
    ProblemException e = assertThrows(ProblemException.class, () -> PageCursor.decode(cursor));
    assertEquals(400, e.problem().status());
    assertEquals(List.of(new FieldError("cursor", "not a cursor from a previous page")),
        e.problem().errors());
  }

  @Test
  void cursorWithoutAValidTimeIsInvalid() {
    assertThrows(ProblemException.class, () -> PageCursor.decode(base64("yesterday|job-1")));
    assertThrows(ProblemException.class,
        () -> PageCursor.decode(base64("2024-13-45T00:00:00Z|job-1")));
  }
}
