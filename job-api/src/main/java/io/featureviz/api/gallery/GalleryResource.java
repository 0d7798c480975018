package io.featureviz.api.gallery;

import io.featureviz.api.QueryParameters;
import io.featureviz.api.auth.Caller;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The finished images of the caller's renders, each batch element its own image. */
@Path("/v1/gallery")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@Tag(name = "Gallery", description = "Finished images of the caller's renders")
public class GalleryResource {

  private final GalleryService gallery;
  private final Caller caller;

  GalleryResource(GalleryService gallery, Caller caller) {
    this.gallery = gallery;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "List finished images",
      description = "The final frame of every batch element of the caller's succeeded renders,"
          + " newest job first and its elements in batch order, each with a presigned URL, the"
          + " model and the element's own objective (the part of a ';' list it rendered).")
  public GalleryItem.Page list(
      @Parameter(description = "only images of this model")
      @RestQuery String model,
      @Parameter(description = "only elements whose own objective is this one (grammar text,"
          + " no ';'), e.g. mixed4:97: a channel rendered alone or as one element of a batch")
      @RestQuery String objective,
      @Parameter(description = "images per page")
      @RestQuery String limit,
      @Parameter(description = "the previous page's next")
      @RestQuery String cursor) throws SQLException {
    GalleryFilter filter = new GalleryFilter(QueryParameters.modelId(model),
        elementObjective(objective));
    return gallery.list(caller.tenant(), filter,
        cursor == null ? null : GalleryCursor.decode(cursor),
        QueryParameters.pageSize(limit));
  }

  /** Elements store their objective in canonical form, so the filter is canonicalised too. */
  private static String elementObjective(String objective) {
    if (objective == null) {
      return null;
    }
    ObjectiveSpec spec;
    try {
      spec = ObjectiveSpec.parse(objective);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidParameter("objective", e.getMessage());
    }
    if (spec.isPerBatchElement()) {
      throw ProblemException.invalidParameter("objective",
          "names one batch element's objective; a ';' list has several");
    }
    return spec.toGrammar();
  }
}
