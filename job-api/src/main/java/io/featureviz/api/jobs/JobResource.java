package io.featureviz.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.api.QueryParameters;
import io.featureviz.api.auth.Caller;
import io.featureviz.api.events.JobEventStream;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.metadata.ObjectiveColumns;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.BeanParam;
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
import java.util.Arrays;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestQuery;

/** Jobs (renders, dataset examples, explanations): submit, inspect, list, cancel, follow. */
@Path("/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class JobResource {

  private final JobSubmissionReader reader;
  private final JobService jobs;
  private final JobEventStream events;
  private final Caller caller;
  private final ExplainUploads uploads;

  JobResource(JobSubmissionReader reader, JobService jobs, JobEventStream events,
      Caller caller, ExplainUploads uploads) {
    this.reader = reader;
    this.uploads = uploads;
    this.jobs = jobs;
    this.events = events;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(JsonNode body) throws SQLException {
    String tenant = caller.tenant();
    // before reading: validating reads the catalog, work wasted on a refused job
    jobs.checkActiveJobs(tenant);
    return accepted(jobs.submit(reader.read(body, tenant)));
  }

  private static Response accepted(JobRequest request) {
    JobView.Accepted accepted = JobView.Accepted.of(request.id(), JobStatus.QUEUED);
    return Response.accepted(accepted).location(URI.create(accepted.links().self())).build();
  }

  /** An explain job with the image to explain: parts {@code job} (JSON) and {@code image}. */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response submitWithImage(@BeanParam ExplainUploadForm form) throws SQLException {
    String tenant = caller.tenant();
    jobs.checkActiveJobs(tenant);
    return accepted(uploads.submit(form, tenant));
  }

  @GET
  @Path("/{id}")
  public JobView get(@PathParam("id") String id) throws SQLException {
    return jobs.get(JobId.parse(id), caller.tenant());
  }

  @GET
  public JobService.Page list(@RestQuery String kind, @RestQuery String model,
      @RestQuery String layer, @RestQuery String channel, @RestQuery String objective,
      @RestQuery String status, @RestQuery String limit, @RestQuery String cursor)
      throws SQLException {
    JobFilter filter = new JobFilter(kind(kind), QueryParameters.modelId(model), layer,
        channel == null ? null
            : QueryParameters.integer("channel", channel, QueryParameters.CHANNEL),
        canonical(objective), status(status));
    return jobs.list(caller.tenant(), filter, cursor == null ? null : PageCursor.decode(cursor),
        QueryParameters.pageSize(limit));
  }

  @DELETE
  @Path("/{id}")
  public Response cancel(@PathParam("id") String id) throws SQLException {
    String jobId = JobId.parse(id);
    JobStatus status = jobs.cancel(jobId, caller.tenant(), "cancelled through the API");
    return Response.accepted(JobView.Accepted.of(jobId, status)).build();
  }

  @GET
  @Path("/{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> follow(@PathParam("id") String id, @Context Sse sse)
      throws SQLException {
    return events.open(JobId.parse(id), caller.tenant(), sse);
  }

  /** Jobs store their objective in canonical form, so the filter is canonicalised too. */
  private static String canonical(String objective) {
    if (objective == null) {
      return null;
    }
    try {
      return ObjectiveColumns.of(ObjectiveSpec.parse(objective)).objective();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidParameter("objective", e.getMessage());
    }
  }

  private static JobKind kind(String kind) {
    if (kind == null) {
      return null;
    }
    return JobKinds.of(kind).orElseThrow(() -> ProblemException.invalidParameter("kind",
        "must be one of " + JobKinds.NAMES));
  }

  private static JobStatus status(String status) {
    if (status == null) {
      return null;
    }
    try {
      return JobStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidParameter("status",
          "must be one of " + Arrays.toString(JobStatus.values()));
    }
  }
}
