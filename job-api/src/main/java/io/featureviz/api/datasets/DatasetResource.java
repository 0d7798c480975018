package io.featureviz.api.datasets;

import io.featureviz.api.auth.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Image sets that dataset-examples jobs search: the built-in ones every tenant sees, and each
 * tenant's uploads, seen only by that tenant.
 */
@Path("/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@Tag(name = "Datasets", description = "Image sets searched by dataset_examples jobs")
public class DatasetResource {

  private final DatasetService datasets;
  private final DatasetUploadService uploads;
  private final Caller caller;

  DatasetResource(DatasetService datasets, DatasetUploadService uploads, Caller caller) {
    this.datasets = datasets;
    this.uploads = uploads;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "List datasets",
      description = "The built-in datasets, then the caller's uploads, newest first.")
  public List<DatasetView> list() throws SQLException {
    return datasets.list(caller.tenant()).stream().map(row -> DatasetView.of(row, null))
        .toList();
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Upload a dataset",
      description = "Image files as parts named 'images' and/or a zip of them as 'archive'."
          + " Every image must decode (JPEG, PNG, BMP, GIF; at most 40 megapixels) before"
          + " anything is stored.")
  @APIResponse(responseCode = "201", description = "Stored; Location names the dataset",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = DatasetView.class)))
  public Response upload(@BeanParam DatasetUploadForm form) throws IOException, SQLException {
    DatasetView view = uploads.upload(form, caller.tenant());
    return Response.created(URI.create("/v1/datasets/" + view.id())).entity(view).build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Get a dataset with its images",
      description = "Each image with a presigned download URL.")
  public DatasetView get(@PathParam("id") String id) throws SQLException {
    return datasets.get(id, caller.tenant());
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete an uploaded dataset",
      description = "Its images and rows; jobs' frames stay. Built-in datasets cannot be"
          + " deleted (403).")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") String id) throws SQLException {
    datasets.delete(id, caller.tenant());
    return Response.noContent().build();
  }
}
