package io.featureviz.api;

import io.featureviz.api.problems.FieldError;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.api.uploads.UploadSizeFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Bounds every request body but an upload's (which {@link UploadSizeFilter} bounds) to
 * {@code fv.limits.max-body-size}, before the body is read: the server's own ceiling
 * ({@code quarkus.http.limits.max-body-size}) is sized for uploads and would let a JSON
 * request make the API buffer a gigabyte. A chunked body (no length) is still only bounded by
 * that ceiling.
 */
public class RequestBodyLimitFilter {

  private final long maxBytes;

  RequestBodyLimitFilter(ApiConfig config) {
    this.maxBytes = config.limits().maxBodySize().asLongValue();
  }

  @ServerRequestFilter(preMatching = true)
  public void rejectOversizedBody(ContainerRequestContext request) {
    if (UploadSizeFilter.isUpload(request)) {
      return;
    }
    if (request.getLength() > maxBytes) {
      String reason = "may have at most " + maxBytes + " bytes";
      throw new ProblemException(413, "body-too-large", "Request body too large",
          "the request body " + reason, List.of(new FieldError("body", reason)));
    }
  }
}
