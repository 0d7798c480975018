package io.featureviz.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** Reads a {@code text/event-stream} line by line and hands each complete event on. */
final class ServerSentEvents {

  private ServerSentEvents() {}

  static void read(Iterator<String> lines, JobEventListener listener) {
    String name = "message";
    StringBuilder data = new StringBuilder();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.isEmpty()) {
        if (data.length() > 0) {
          listener.onEvent(name, parse(data.toString()));
        }
        name = "message";
        data.setLength(0);
      } else if (line.startsWith("event:")) {
        name = value(line);
      } else if (line.startsWith("data:")) {
        if (data.length() > 0) {
          data.append('\n');
        }
        data.append(value(line));
      }
      // comments (':') and id/retry fields carry nothing the client uses
    }
  }

  /** The field's value: after the colon, without one leading space (the SSE rule). */
  private static String value(String line) {
    String value = line.substring(line.indexOf(':') + 1);
    return value.startsWith(" ") ? value.substring(1) : value;
  }

  private static JsonNode parse(String data) {
    try {
      return Json.mapper().readTree(data);
    } catch (IOException e) {
      throw new UncheckedIOException("event data is not JSON: " + data, e);
    }
  }
}
