package io.featureviz.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.api.ApiCollection;
import io.featureviz.client.api.ApiHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The job API over HTTP: submit, get, list, cancel, follow, and download artifacts. */
public final class JobsClient {

  private final ApiHttp http;
  private final ApiCollection jobs;

  /** A client of the API at {@code apiUrl} that authenticates with {@code apiKey}. */
  public JobsClient(String apiUrl, String apiKey) {
    this.http = new ApiHttp(apiUrl, apiKey);
    this.jobs = new ApiCollection(http, "/v1/jobs");
  }

  /** Submits a job; the answer is the 202 body ({@code id}, {@code status}, {@code links}). */
  public JsonNode submit(JobBody spec) {
    return jobs.submit(spec);
  }

  public JsonNode get(String id) {
    return jobs.get(id);
  }

  /** One page of jobs; {@code query} is the query string without '?', e.g. {@code model=x}. */
  public JsonNode list(String query) {
    return jobs.list(query);
  }

  public JsonNode cancel(String id) {
    return jobs.cancel(id);
  }

  /** Reads the job's event stream until the server ends it (after a terminal status). */
  public void follow(String id, JobEventListener listener) throws IOException {
    jobs.follow(id, listener);
  }

  /**
   * GETs a URL as it is, e.g. a presigned artifact URL, without the API key (the URL carries
   * its own signature, and the key must not reach the object store); anything but 200 fails.
   */
  public byte[] download(String url) {
    HttpResponse<byte[]> response = http.sendUnchecked(
        HttpRequest.newBuilder(URI.create(url)).timeout(ApiHttp.TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new ApiProblemException(response.statusCode(), null,
          "download of " + url + " failed");
    }
    return response.body();
  }
}
