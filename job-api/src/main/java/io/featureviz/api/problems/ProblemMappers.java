package io.featureviz.api.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error the API answers is {@code application/problem+json}. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    Response.ResponseBuilder response = builder(e.problem());
    e.headers().forEach(response::header);
    return response.build();
  }

  /**
   * What the framework rejects itself: bodies that are not JSON (a 400 caused by the JSON
   * parser), unknown paths, wrong methods, unsupported media types.
   */
  @ServerExceptionMapper
  public Response framework(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return respond(ProblemException.invalidParameter("body",
          "not valid JSON: " + json.getOriginalMessage()).problem());
    }
    Response.StatusType status = e.getResponse().getStatusInfo();
    return respond(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
        e.getMessage(), List.of()));
  }

  private static Response respond(Problem problem) {
    return builder(problem).build();
  }

  private static Response.ResponseBuilder builder(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
  }
}
