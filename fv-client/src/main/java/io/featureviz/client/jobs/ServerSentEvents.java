package io.featureviz.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import io.featureviz.client.api.ApiHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.stream.Stream;

/** Reads a {@code text/event-stream} line by line and hands each complete event on. */
public final class ServerSentEvents {

  private ServerSentEvents() {}

  /**
   * Reads the API's event stream at {@code path} (a job's or a sweep's) until the server ends it;
   * a refusal is an {@link ApiProblemException}.
   */
  public static void follow(ApiHttp http, String path, JobEventListener listener)
      throws IOException {
    HttpRequest request = HttpRequest.newBuilder(http.uri(path))
        .header("Accept", "text/event-stream").header("Authorization", http.authorization())
        .GET().build();
    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      if (response.statusCode() != 200) {
        throw ApiHttp.problem(response.statusCode(), String.join("\n", lines.toList()));
      }
      read(lines.iterator(), listener);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

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
