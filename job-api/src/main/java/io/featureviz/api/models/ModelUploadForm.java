package io.featureviz.api.models;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The multipart/form-data body of {@code POST /v1/models}. */
public class ModelUploadForm {

  /** Optional; default {@code model-} and the start of the file's SHA-256. */
  @RestForm
  public String id;

  @RestForm
  public String format;

  @RestForm
  public FileUpload file;

  /** featureviz-model.json text; required for savedmodel and graphdef. */
  @RestForm
  public String metadata;

  /** Class labels, one per line. */
  @RestForm
  public String labels;
}
