package io.featureviz.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/** The API refused a request; the message is the problem+json document made readable. */
public class ApiProblemException extends RuntimeException {

  private final int status;

  public ApiProblemException(int status, JsonNode problem, String rawBody) {
    super(describe(status, problem, rawBody));
    this.status = status;
  }

  public int status() {
    return status;
  }

  private static String describe(int status, JsonNode problem, String rawBody) {
    if (problem == null || !problem.isObject()) {
      return "HTTP " + status + (rawBody.isBlank() ? "" : ": " + rawBody);
    }
    StringBuilder text = new StringBuilder("HTTP " + status + ": "
        + problem.path("title").asText("request refused"));
    if (problem.hasNonNull("detail")) {
      text.append(" - ").append(problem.get("detail").asText());
    }
    for (JsonNode error : problem.path("errors")) {
      text.append("\n  ").append(error.path("field").asText("?")).append(": ")
          .append(error.path("message").asText());
    }
    return text.toString();
  }
}
