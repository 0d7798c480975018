package io.featureviz.api.datasets;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The multipart/form-data body of {@code POST /v1/datasets}. */
public class DatasetUploadForm {

  /** Optional; default {@code ds-} and 10 random hex digits. */
  @RestForm
  @Schema(description = "dataset id: lower-case letters, digits, '-' and '_', at most 63;"
      + " default ds- and 10 random hex digits", pattern = "[a-z0-9][a-z0-9_-]{0,62}")
  public String id;

  /** Optional display name; default the id. */
  @RestForm
  @Schema(description = "display name, at most 200 characters; default the id", maxLength = 200)
  public String name;

  /** One part per image file, as a browser's {@code <input type=file multiple name=images>}. */
  @RestForm("images")
  @Schema(description = "image files (JPEG, PNG, BMP, GIF), one part each")
  public List<FileUpload> images;

  /** A zip archive of images; its folders are flattened to the file names. */
  @RestForm
  @Schema(description = "a zip of image files; folders are flattened, hidden files and"
      + " __MACOSX are skipped")
  public FileUpload archive;
}
