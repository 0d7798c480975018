package io.featureviz.client.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a Quarkus service whether it is ready ({@code /q/health/ready} answers 200). */
public final class HealthProbe {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HealthProbe() {}

  public static String readinessUrl(String serviceUrl) {
    return serviceUrl + "/q/health/ready";
  }

  public static boolean isReady(String serviceUrl) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(readinessUrl(serviceUrl)))
        .timeout(Duration.ofSeconds(5)).GET().build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
