package io.featureviz.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import io.featureviz.client.jobs.ApiProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Requests to the job API with its key: JSON answers, problem+json refusals as
 * {@link ApiProblemException}, an unreachable API as {@link UncheckedIOException}. The jobs and
 * models clients share it.
 */
public final class ApiHttp {

  /** How long one request may take. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);
  /**
   * How long a submission or a cancellation may take: a whole model's sweep records or stops
   * thousands of shards (seconds on two cores, once 27 s right after its submission).
   */
  public static final Duration BULK_TIMEOUT = Duration.ofMinutes(2);

  private final String apiUrl;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The API at {@code apiUrl}, authenticated with {@code apiKey}. */
  public ApiHttp(String apiUrl, String apiKey) {
    this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.authorization = "Bearer " + apiKey;
  }

  /** A request for {@code path} (from {@code /v1}) accepting JSON, with the key. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
        .header("Accept", "application/json").header("Authorization", authorization);
  }

  public URI uri(String path) {
    return URI.create(apiUrl + path);
  }

  public String authorization() {
    return authorization;
  }

  /** Sends the request; a 2xx answer's JSON body, else the refusal as an exception. */
  public JsonNode json(HttpRequest.Builder request) {
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

  public static ApiProblemException problem(int status, String body) {
    JsonNode problem;
    try {
      problem = Json.mapper().readTree(body);
    } catch (IOException e) {
      problem = null;
    }
    return new ApiProblemException(status, problem, body);
  }

  public <T> HttpResponse<T> sendUnchecked(HttpRequest request,
      HttpResponse.BodyHandler<T> handler) {
    try {
      return send(request, handler);
    } catch (IOException e) {
      // A refused connection's exception has no message, only its type.
      String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      throw new UncheckedIOException("cannot reach " + request.uri() + ": " + why
          + " (is the stack up? ./fv up, or --api URL)", e);
    }
  }

  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return http.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
