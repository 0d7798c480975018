package io.featureviz.api.jobs;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The multipart/form-data body of {@code POST /v1/jobs} for an explain job with its image. */
public class ExplainUploadForm {

  /** The job as JSON, as a JSON submission would send it but without {@code image}. */
  @RestForm
  @Schema(description = "the explain job as JSON (the JobSubmission schema with kind explain),"
      + " without image", required = true)
  public String job;

  @RestForm
  @Schema(description = "the image to explain: a PNG, JPEG or BMP file", required = true)
  public FileUpload image;
}
