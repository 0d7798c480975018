package io.featureviz.api.uploads;

import io.featureviz.api.ApiConfig;
import io.featureviz.api.problems.FieldError;
import io.featureviz.api.problems.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an oversized upload (a model, a dataset's images, an explain job's image) by its
 * Content-Length, before its body is read. The form's other fields and the multipart framing
 * get some room on top of the files' limit; the files' own sizes are checked again once they
 * are received.
 */
public class UploadSizeFilter {

  private static final long FORM_ALLOWANCE = 8L * 1024 * 1024;

  /** What an upload's limit bounds, and the limit. */
  private record Upload(String what, long maxBytes) {}

  private static final String MODELS = "/v1/models";
  private static final String DATASETS = "/v1/datasets";
  private static final String JOBS = "/v1/jobs";

  /** The multipart uploads by path. */
  private final Map<String, Upload> uploads;

  UploadSizeFilter(ApiConfig config) {
    long maxBytes = config.uploads().maxSize().asLongValue();
    this.uploads = Map.of(MODELS, new Upload("a model file", maxBytes),
        DATASETS, new Upload("a dataset's images together", maxBytes),
        JOBS, new Upload("an explain job's image",
            config.datasets().maxImageSize().asLongValue()));
  }

  /**
   * Whether the request is an upload, which this filter bounds: a multipart {@code POST} of
   * a model, a dataset or a job with its image.
   */
  public static boolean isUpload(ContainerRequestContext request) {
    return "POST".equals(request.getMethod()) && request.getMediaType() != null
        && request.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
        && List.of(MODELS, DATASETS, JOBS).contains(request.getUriInfo().getPath());
  }

  @ServerRequestFilter(preMatching = true)
  public void rejectOversizedUpload(ContainerRequestContext request) {
    Optional<Upload> upload = isUpload(request)
        ? Optional.of(uploads.get(request.getUriInfo().getPath())) : Optional.empty();
    if (upload.isPresent() && request.getLength() > upload.get().maxBytes() + FORM_ALLOWANCE) {
      throw tooLarge(upload.get().what() + " may have at most " + upload.get().maxBytes()
          + " bytes", List.of());
    }
  }

  /** 413, the detail saying which limit was passed. */
  public static ProblemException tooLarge(String detail, List<FieldError> errors) {
    return new ProblemException(413, "upload-too-large", "Upload too large", detail, errors);
  }
}
