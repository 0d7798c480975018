package io.featureviz.api.models;

import io.featureviz.api.ApiConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an oversized model upload by its Content-Length, before its body is read. The form's
 * other fields and the multipart framing get some room on top of the file's limit; the file's
 * own size is checked again once it is received.
 */
public class UploadSizeFilter {

  private static final long FORM_ALLOWANCE = 8L * 1024 * 1024;

  private final long maxBytes;

  UploadSizeFilter(ApiConfig config) {
    this.maxBytes = config.uploads().maxSize().asLongValue();
  }

  @ServerRequestFilter(preMatching = true)
  public void rejectOversizedUpload(ContainerRequestContext request) {
    if ("POST".equals(request.getMethod())
        && "/v1/models".equals(request.getUriInfo().getPath())
        && request.getLength() > maxBytes + FORM_ALLOWANCE) {
      throw ModelUploadService.tooLarge(maxBytes);
    }
  }
}
