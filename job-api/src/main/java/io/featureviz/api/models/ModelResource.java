package io.featureviz.api.models;

import io.featureviz.api.problems.ProblemException;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The models jobs can name, and the layers objectives can name in each. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ModelResource {

  /** A model as listed: enough to choose one and to know its input. */
  public record ModelSummary(String id, String format, int inputSize, int layers, int classes,
      String layersUrl) {

    static ModelSummary of(ModelInfo info) {
      return new ModelSummary(info.id(), info.format(), info.inputSize(), info.layers().size(),
          info.labels().size(), "/v1/models/" + info.id() + "/layers");
    }
  }

  private final ModelCatalogService catalog;

  ModelResource(ModelCatalogService catalog) {
    this.catalog = catalog;
  }

  @GET
  public List<ModelSummary> list() {
    return catalog.available().stream().map(ModelSummary::of).toList();
  }

  @GET
  @Path("/{id}/layers")
  public List<LayerInfo> layers(@PathParam("id") String id) {
    return catalog.info(id)
        .orElseThrow(() -> new ProblemException(404, "model-not-found", "Model not found",
            "no model '" + id + "'; models: " + catalog.ids(), List.of()))
        .layers();
  }
}
