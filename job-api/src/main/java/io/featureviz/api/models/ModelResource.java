package io.featureviz.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.featureviz.api.auth.Caller;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.messages.ModelStatus;
import io.featureviz.contracts.objective.LayerShape;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The models jobs can name, the layers objectives can name in each, and users' uploads, which
 * workers import. The built-in models are everyone's; an upload is seen only by its tenant.
 * What a model holds (input size, layers, labels) is only known, and shown, once it is READY.
 */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ModelResource {

  private static final String STATUS = "IMPORTING: a worker has yet to load the upload; READY:"
      + " jobs may name it; FAILED: the import failed, see reason";
  private static final String REASON = "why the import failed, naming the file or node (FAILED"
      + " only)";

  /**
   * A model as listed: enough to choose one and to know its input; the counts only when READY.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ModelSummary(String id, String format,
      @Schema(description = STATUS) ModelStatus status,
      @Schema(description = REASON) String reason,
      Integer inputSize, Integer layers, Integer classes, boolean uploaded, String layersUrl) {

    static ModelSummary of(ModelRow row) {
      Optional<ModelDescription> ready = Optional.ofNullable(row.description());
      return new ModelSummary(row.id(), row.format(), row.status(), row.failure(),
          ready.map(ModelDescription::inputSize).orElse(null),
          ready.map(d -> d.layers().size()).orElse(null),
          ready.map(d -> d.labels().size()).orElse(null), !row.isBuiltIn(),
          ready.map(d -> layersPath(row.id())).orElse(null));
    }
  }

  /**
   * A model with its status and, once READY, its layers; {@code labels} (index = class) let a
   * client offer classes by name.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ModelDetails(String id, String format,
      @Schema(description = STATUS) ModelStatus status,
      @Schema(description = REASON) String reason,
      Integer inputSize, List<LayerShape> layers, Integer classes, List<String> labels,
      String layersUrl) {

    static ModelDetails of(ModelRow row) {
      Optional<ModelDescription> ready = Optional.ofNullable(row.description());
      return new ModelDetails(row.id(), row.format(), row.status(), row.failure(),
          ready.map(ModelDescription::inputSize).orElse(null),
          ready.map(ModelDescription::layers).orElse(null),
          ready.map(d -> d.labels().size()).orElse(null),
          ready.map(ModelDescription::labels).orElse(null),
          ready.map(d -> layersPath(row.id())).orElse(null));
    }
  }

  /** An upload accepted for import; {@code url} tells when it is READY or FAILED. */
  public record ImportAccepted(String id, ModelStatus status, String format, String url) {

    static ImportAccepted of(ModelRow row) {
      return new ImportAccepted(row.id(), row.status(), row.format(), modelPath(row.id()));
    }
  }

  private final ModelCatalog catalog;
  private final ModelUploadService uploads;
  private final Caller caller;

  ModelResource(ModelCatalog catalog, ModelUploadService uploads, Caller caller) {
    this.catalog = catalog;
    this.uploads = uploads;
    this.caller = caller;
  }

  @GET
  public List<ModelSummary> list() throws SQLException {
    return catalog.list(caller.tenant()).stream().map(ModelSummary::of).toList();
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @APIResponse(responseCode = "202", description = "stored and handed to the workers for"
      + " import: the model is IMPORTING until GET /v1/models/{id} says READY or FAILED",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ImportAccepted.class)))
  public Response upload(@BeanParam ModelUploadForm form) throws IOException, SQLException {
    ImportAccepted accepted = ImportAccepted.of(uploads.upload(form, caller.tenant()));
    return Response.accepted(accepted).location(URI.create(accepted.url())).build();
  }

  @GET
  @Path("/{id}")
  public ModelDetails model(@PathParam("id") String id) throws SQLException {
    return ModelDetails.of(find(id));
  }

  /** 409 for a model that is not READY: its layers are not known yet, or never will be. */
  @GET
  @Path("/{id}/layers")
  public List<LayerShape> layers(@PathParam("id") String id) throws SQLException {
    return ModelCatalog.requireReady(find(id)).layers();
  }

  private ModelRow find(String id) throws SQLException {
    String tenant = caller.tenant();
    Optional<ModelRow> row = catalog.find(id, tenant);
    if (row.isEmpty()) {
      throw new ProblemException(404, "model-not-found", "Model not found",
          "no model '" + id + "'; models: " + catalog.ids(tenant), List.of());
    }
    return row.get();
  }

  private static String modelPath(String id) {
    return "/v1/models/" + id;
  }

  private static String layersPath(String id) {
    return modelPath(id) + "/layers";
  }
}
