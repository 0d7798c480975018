package io.featureviz.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

/** The job API over HTTP: submit, get, list, cancel, follow, and download artifacts. */
public final class JobsClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String apiUrl;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A client of the API at {@code apiUrl} that authenticates with {@code apiKey}. */
  public JobsClient(String apiUrl, String apiKey) {
    this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.authorization = "Bearer " + apiKey;
  }

  /** Submits a job; the answer is the 202 body ({@code id}, {@code status}, {@code links}). */
  public JsonNode submit(JobBody spec) {
    return json(request("/v1/jobs").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(spec, true))));
  }

  public JsonNode get(String id) {
    return json(request("/v1/jobs/" + id).GET());
  }

  /** One page of jobs; {@code query} is the query string without '?', e.g. {@code model=x}. */
  public JsonNode list(String query) {
    return json(request("/v1/jobs" + (query.isEmpty() ? "" : "?" + query)).GET());
  }

  public JsonNode cancel(String id) {
    return json(request("/v1/jobs/" + id).DELETE());
  }

  /** Reads the job's event stream until the server ends it (after a terminal status). */
  public void follow(String id, JobEventListener listener) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/v1/jobs/" + id + "/events"))
        .header("Accept", "text/event-stream").header("Authorization", authorization).GET()
        .build();
    HttpResponse<Stream<String>> response = send(request, HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      if (response.statusCode() != 200) {
        throw problem(response.statusCode(), String.join("\n", lines.toList()));
      }
      ServerSentEvents.read(lines.iterator(), listener);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * GETs a URL as it is, e.g. a presigned artifact URL, without the API key (the URL carries
   * its own signature, and the key must not reach the object store); anything but 200 fails.
   */
  public byte[] download(String url) {
    HttpResponse<byte[]> response = sendUnchecked(
        HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new ApiProblemException(response.statusCode(), null,
          "download of " + url + " failed");
    }
    return response.body();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(apiUrl + path)).timeout(TIMEOUT)
        .header("Accept", "application/json").header("Authorization", authorization);
  }

  private JsonNode json(HttpRequest.Builder request) {
    HttpResponse<String> response =
        sendUnchecked(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw problem(response.statusCode(), response.body());
    }
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the API answered no JSON: " + response.body(), e);
    }
  }

  private static ApiProblemException problem(int status, String body) {
    JsonNode problem;
    try {
      problem = Json.mapper().readTree(body);
    } catch (IOException e) {
      problem = null;
    }
    return new ApiProblemException(status, problem, body);
  }

  private <T> HttpResponse<T> sendUnchecked(HttpRequest request,
      HttpResponse.BodyHandler<T> handler) {
    try {
      return send(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + request.uri() + ": " + e.getMessage(), e);
    }
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return http.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
