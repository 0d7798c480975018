package io.featureviz.api.uploads;

import io.featureviz.api.ApiConfig;
import io.featureviz.api.problems.FieldError;
import io.featureviz.api.problems.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an oversized upload (a model, a dataset's images) by its Content-Length, before its
 * body is read. The form's other fields and the multipart framing get some room on top of the
 * files' limit; the files' own sizes are checked again once they are received.
 */
public class UploadSizeFilter {

  private static final long FORM_ALLOWANCE = 8L * 1024 * 1024;

  /** The multipart uploads by path, and what their limit bounds. */
  private static final Map<String, String> UPLOADS = Map.of(
      "/v1/models", "a model file", "/v1/datasets", "a dataset's images together");

  private final long maxBytes;

  UploadSizeFilter(ApiConfig config) {
    this.maxBytes = config.uploads().maxSize().asLongValue();
  }

  /** Whether the request is an upload, bounded by {@code fv.uploads.max-size}. */
  public static boolean isUpload(ContainerRequestContext request) {
    return "POST".equals(request.getMethod())
        && UPLOADS.containsKey(request.getUriInfo().getPath());
  }

  @ServerRequestFilter(preMatching = true)
  public void rejectOversizedUpload(ContainerRequestContext request) {
    if (isUpload(request) && request.getLength() > maxBytes + FORM_ALLOWANCE) {
      throw tooLarge(UPLOADS.get(request.getUriInfo().getPath()) + " may have at most "
          + maxBytes + " bytes", List.of());
    }
  }

  /** 413, the detail saying which limit was passed. */
  public static ProblemException tooLarge(String detail, List<FieldError> errors) {
    return new ProblemException(413, "upload-too-large", "Upload too large", detail, errors);
  }
}
