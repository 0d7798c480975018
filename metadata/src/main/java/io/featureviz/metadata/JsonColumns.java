package io.featureviz.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.featureviz.contracts.messages.Messages;

/**
 * Values kept whole in {@code jsonb} columns (a model's description, an explain job's request
 * and explanation), in the messages' own JSON form, so that a column reads back as the message
 * part it came from.
 */
public final class JsonColumns {

  private JsonColumns() {}

  /** The column's text for {@code value}; null stays null (SQL NULL). */
  public static String write(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Messages.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  /** The column's value as {@code type}; SQL NULL reads as null. */
  public static <T> T read(String json, Class<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return Messages.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + type.getSimpleName() + " column: "
          + e.getOriginalMessage(), e);
    }
  }
}
