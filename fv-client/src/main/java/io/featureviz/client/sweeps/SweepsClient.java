package io.featureviz.client.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import io.featureviz.client.api.ApiHttp;
import io.featureviz.client.jobs.JobEventListener;
import io.featureviz.client.jobs.ServerSentEvents;
import java.io.IOException;
import java.net.http.HttpRequest;

/** The sweep API over HTTP: submit, get, list, cancel and follow. Every answer is a sweep's view. */
public final class SweepsClient {

  private final ApiHttp http;

  /** A client of the API at {@code apiUrl} that authenticates with {@code apiKey}. */
  public SweepsClient(String apiUrl, String apiKey) {
    this.http = new ApiHttp(apiUrl, apiKey);
  }

  /** Submits a sweep; the answer is the 202 body, the sweep's view. */
  public JsonNode submit(SweepSpec spec) {
    return http.json(http.request("/v1/sweeps").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(spec, true))));
  }

  public JsonNode get(String id) {
    return http.json(http.request("/v1/sweeps/" + id).GET());
  }

  /** One page of sweeps, newest first; {@code query} without '?', e.g. {@code model=x}. */
  public JsonNode list(String query) {
    return http.json(http.request("/v1/sweeps" + (query.isEmpty() ? "" : "?" + query)).GET());
  }

  public JsonNode cancel(String id) {
    return http.json(http.request("/v1/sweeps/" + id).DELETE());
  }

  /**
   * Reads the sweep's event stream ({@code progress} as channels finish, then the terminal
   * status) until the server ends it.
   */
  public void follow(String id, JobEventListener listener) throws IOException {
    ServerSentEvents.follow(http, "/v1/sweeps/" + id + "/events", listener);
  }
}
