package io.featureviz.api.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.api.QueryParameters;
import io.featureviz.api.auth.Caller;
import io.featureviz.api.jobs.JobId;
import io.featureviz.api.jobs.PageCursor;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Sweeps: every channel of some layers of a model, rendered by shard jobs on the worker pool. */
@Path("/v1/sweeps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sweeps")
@Blocking
public class SweepResource {

  private final SweepService sweeps;
  private final SweepEventStream events;
  private final Caller caller;

  SweepResource(SweepService sweeps, SweepEventStream events, Caller caller) {
    this.sweeps = sweeps;
    this.events = events;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sweep layers of a model", description = "Renders every channel asked"
      + " for (channels of the tenant rendered before with the same model and settings are"
      + " reused) as shard jobs of several channels each; 202 with the sweep. Every invalid"
      + " field is a 400 naming it; a model not READY is 409; a sweep beyond the tenant's"
      + " unfinished sweeps allowed (fv.quotas.max-active-sweeps) is 429 with Retry-After.")
  @APIResponse(responseCode = "202", description = "the sweep, recorded and its shards queued",
      content = @Content(schema = @Schema(implementation = SweepView.class)))
  public Response submit(@RequestBody(required = true, content = @Content(
      schema = @Schema(implementation = SweepSubmissionBody.class))) JsonNode body)
      throws SQLException {
    SweepView sweep = sweeps.submit(body, caller.tenant());
    return Response.accepted(sweep).location(URI.create(sweep.links().self())).build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A sweep: status, progress per layer, and its channels' images",
      description = "With layer, only that layer's artifacts and searches (a whole model's"
      + " sweep has tens of thousands); the counts stay the sweep's. A layer the sweep does not"
      + " sweep is 400.")
  public SweepView get(@PathParam("id") String id, @RestQuery String layer) throws SQLException {
    return sweeps.get(JobId.parse(id, "sweep"), caller.tenant(), layer);
  }

  @GET
  @Operation(summary = "The tenant's sweeps, newest first (without artifacts)")
  public SweepService.Page list(@RestQuery String model, @RestQuery String limit,
      @RestQuery String cursor) throws SQLException {
    return sweeps.list(caller.tenant(), QueryParameters.modelId(model),
        cursor == null ? null : PageCursor.decode(cursor), QueryParameters.pageSize(limit));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Cancel a sweep: its unfinished shards are cancelled; idempotent")
  @APIResponse(responseCode = "202", description = "the sweep, cancelled",
      content = @Content(schema = @Schema(implementation = SweepView.class)))
  @APIResponse(responseCode = "409", description = "the sweep has already succeeded or failed")
  public Response cancel(@PathParam("id") String id) throws SQLException {
    return Response.accepted(sweeps.cancel(JobId.parse(id, "sweep"), caller.tenant())).build();
  }

  @GET
  @Path("/{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "Follow a sweep: progress events as channels get their image, then a"
      + " status event with the terminal status")
  public Multi<OutboundSseEvent> follow(@PathParam("id") String id, @Context Sse sse)
      throws SQLException {
    return events.open(JobId.parse(id, "sweep"), caller.tenant(), sse);
  }
}
