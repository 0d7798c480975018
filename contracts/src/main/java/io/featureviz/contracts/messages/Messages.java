package io.featureviz.contracts.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;

/**
 * The JSON form of every message. Field names are snake_case; each message carries {@code v}, its
 * schema version. Unknown fields are ignored so that a newer producer can add fields, but an
 * unknown version is refused.
 */
public final class Messages {

  /** The schema version this code writes and reads. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

  private Messages() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] write(Object message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + message.getClass().getSimpleName(), e);
    }
  }

  /** Reads a message, checking that it is JSON of a known version; content is checked by the caller. */
  public static <T> T read(byte[] bytes, Class<T> type) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new MessageFormatException("not JSON: " + originalMessage(e), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new MessageFormatException("not a JSON object");
    }
    JsonNode version = tree.get("v");
    if (version == null || !version.isInt()) {
      throw new MessageFormatException("missing integer field 'v' (schema version)");
    }
    if (version.intValue() != VERSION) {
      throw new MessageFormatException("unknown schema version " + version.intValue()
          + "; this service reads version " + VERSION);
    }
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (IOException e) {
      throw new MessageFormatException("invalid " + type.getSimpleName() + ": "
          + originalMessage(e), e);
    }
  }

  /** Jackson's message without the location suffix, which would leak the payload. */
  private static String originalMessage(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }
}
