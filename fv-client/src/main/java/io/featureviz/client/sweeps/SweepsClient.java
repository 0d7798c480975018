package io.featureviz.client.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.api.ApiCollection;
import io.featureviz.client.api.ApiHttp;
import io.featureviz.client.jobs.JobEventListener;
import java.io.IOException;

/** The sweep API over HTTP: submit, get, list, cancel and follow. Every answer is a sweep's view. */
public final class SweepsClient {

  private final ApiCollection sweeps;

  /** A client of the API at {@code apiUrl} that authenticates with {@code apiKey}. */
  public SweepsClient(String apiUrl, String apiKey) {
    this.sweeps = new ApiCollection(new ApiHttp(apiUrl, apiKey), "/v1/sweeps");
  }

  /** Submits a sweep; the answer is the 202 body, the sweep's view. */
  public JsonNode submit(SweepSpec spec) {
    return sweeps.submit(spec);
  }

  public JsonNode get(String id) {
    return sweeps.get(id);
  }

  /** One page of sweeps, newest first; {@code query} without '?', e.g. {@code model=x}. */
  public JsonNode list(String query) {
    return sweeps.list(query);
  }

  public JsonNode cancel(String id) {
    return sweeps.cancel(id);
  }

  /**
   * Reads the sweep's event stream ({@code progress} as channels finish, then the terminal
   * status) until the server ends it.
   */
  public void follow(String id, JobEventListener listener) throws IOException {
    sweeps.follow(id, listener);
  }
}
