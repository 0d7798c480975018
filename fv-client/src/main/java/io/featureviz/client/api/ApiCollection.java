package io.featureviz.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import io.featureviz.client.jobs.JobEventListener;
import io.featureviz.client.jobs.ServerSentEvents;
import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * One of the API's collections of long-running work ({@code /v1/jobs}, {@code /v1/sweeps}), which
 * all answer alike: a submission is a 202 with the member's view, a member is read, listed,
 * cancelled with DELETE, and followed through its {@code /events} stream.
 */
public final class ApiCollection {

  private final ApiHttp http;
  private final String path;

  /** @param path the collection's path, e.g. {@code /v1/jobs} */
  public ApiCollection(ApiHttp http, String path) {
    this.http = http;
    this.path = path;
  }

  /** POSTs {@code body} as JSON; the answer is the 202 body. */
  public JsonNode submit(Object body) {
    return http.json(http.request(path).timeout(ApiHttp.BULK_TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body, true))));
  }

  public JsonNode get(String id) {
    return http.json(http.request(path + "/" + id).GET());
  }

  /** One page, newest first; {@code query} without '?', e.g. {@code model=x}. */
  public JsonNode list(String query) {
    return http.json(http.request(path + (query.isEmpty() ? "" : "?" + query)).GET());
  }

  public JsonNode cancel(String id) {
    return http.json(http.request(path + "/" + id).timeout(ApiHttp.BULK_TIMEOUT).DELETE());
  }

  /** Reads the member's event stream until the server ends it (after its terminal status). */
  public void follow(String id, JobEventListener listener) throws IOException {
    ServerSentEvents.follow(http, path + "/" + id + "/events", listener);
  }
}
