package io.featureviz.api.models;

import io.featureviz.api.auth.Caller;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import java.util.stream.Stream;

/**
 * The models jobs can name, the layers objectives can name in each, and users' uploads. The
 * catalog is everyone's; an uploaded model is seen only by its tenant.
 */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ModelResource {

  /** A model as listed: enough to choose one and to know its input. */
  public record ModelSummary(String id, String format, int inputSize, int layers, int classes,
      boolean uploaded, String layersUrl) {

    static ModelSummary of(ModelInfo info) {
      return new ModelSummary(info.id(), info.format(), info.inputSize(), info.layers().size(),
          info.labels().size(), false, layersPath(info.id()));
    }

    static ModelSummary of(UploadedModelRow row) {
      return new ModelSummary(row.id(), row.format(), row.inputSize(), row.layerCount(),
          row.classes(), true, layersPath(row.id()));
    }
  }

  /**
   * A model with its layers, as an upload is answered; {@code labels} (index = class) let a
   * client offer classes by name.
   */
  public record ModelDetails(String id, String format, int inputSize, List<LayerInfo> layers,
      int classes, List<String> labels, String layersUrl) {

    static ModelDetails of(ModelInfo info) {
      return new ModelDetails(info.id(), info.format(), info.inputSize(), info.layers(),
          info.labels().size(), info.labels(), layersPath(info.id()));
    }
  }

  private final ModelCatalogService catalog;
  private final UploadedModels uploaded;
  private final ModelUploadService uploads;
  private final Caller caller;

  ModelResource(ModelCatalogService catalog, UploadedModels uploaded, ModelUploadService uploads,
      Caller caller) {
    this.catalog = catalog;
    this.uploaded = uploaded;
    this.uploads = uploads;
    this.caller = caller;
  }

  @GET
  public List<ModelSummary> list() {
    return Stream.concat(catalog.available().stream().map(ModelSummary::of),
        uploaded.list(caller.tenant()).stream().map(ModelSummary::of)).toList();
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(@BeanParam ModelUploadForm form) throws IOException, SQLException {
    ModelInfo info = uploads.upload(form, caller.tenant());
    return Response.created(URI.create("/v1/models/" + info.id()))
        .entity(ModelDetails.of(info)).build();
  }

  @GET
  @Path("/{id}")
  public ModelDetails model(@PathParam("id") String id) {
    return ModelDetails.of(info(id));
  }

  @GET
  @Path("/{id}/layers")
  public List<LayerInfo> layers(@PathParam("id") String id) {
    return info(id).layers();
  }

  private ModelInfo info(String id) {
    String tenant = caller.tenant();
    return catalog.info(id, tenant)
        .orElseThrow(() -> new ProblemException(404, "model-not-found", "Model not found",
            "no model '" + id + "'; models: " + catalog.ids(tenant), List.of()));
  }

  private static String layersPath(String id) {
    return "/v1/models/" + id + "/layers";
  }
}
