package io.featureviz.api.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.api.jobs.JobPublisher;
import io.featureviz.api.jobs.PageCursor;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.api.quotas.TenantQuotas;
import io.featureviz.api.storage.Presigner;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Submitting, reading and cancelling sweeps; the REST resource only maps HTTP onto this. */
@ApplicationScoped
public class SweepService {

  private static final String CANCEL_REASON = "sweep cancelled through the API";
  /** A sweep takes minutes at least; retrying sooner than this would mostly be refused again. */
  private static final long UNFINISHED_SWEEPS_RETRY_SECONDS = 60;

  private final SweepSubmissionReader reader;
  private final SweepPlanner planner;
  private final SweepRepository repository;
  private final SweepOutbox outbox;
  private final JobPublisher publisher;
  private final Presigner presigner;
  private final TenantQuotas quotas;
  private final MeterRegistry registry;

  SweepService(SweepSubmissionReader reader, SweepPlanner planner, SweepRepository repository,
      SweepOutbox outbox, JobPublisher publisher, Presigner presigner, TenantQuotas quotas,
      MeterRegistry registry) {
    this.reader = reader;
    this.planner = planner;
    this.repository = repository;
    this.outbox = outbox;
    this.publisher = publisher;
    this.presigner = presigner;
    this.quotas = quotas;
    this.registry = registry;
  }

  /**
   * Validates and plans the sweep, records it whole with its shards unpublished, and has the
   * outbox publish the shards once answered (a shard Kafka does not acknowledge is published
   * later): the sweep is accepted once recorded. A valid sweep beyond the tenant's {@code
   * max-active-sweeps} unfinished ones is refused (429). Counting, planning and recording hold
   * the tenant's lock, so sweeps submitted at the same moment cannot overshoot the quota, and
   * the later one shares the earlier one's shards.
   */
  public SweepView submit(JsonNode body, String tenant) throws SQLException {
    SweepSubmission submission = reader.read(body, tenant);
    int maxActiveSweeps = quotas.maxActiveSweeps(tenant);
    SweepPlan plan = repository.insert(tenant, maxActiveSweeps,
            connection -> planner.plan(submission, connection))
        .orElseThrow(() -> ProblemException.tooManyRequests("at most " + maxActiveSweeps
            + " sweeps may be unfinished at once", UNFINISHED_SWEEPS_RETRY_SECONDS));
    outbox.publishSoon(plan.shards());
    registry.counter("fv.api.sweeps.submitted", "model", plan.sweep().model()).increment();
    registry.counter("fv.api.sweeps.channels.reused", "model", plan.sweep().model())
        .increment(plan.channels().stream().filter(SweepChannel::reused).count());
    return get(plan.sweep().id(), tenant);
  }

  public SweepView get(String id, String tenant) throws SQLException {
    return get(id, tenant, null);
  }

  /** The sweep with the artifacts and searches of {@code layer} only, or of all where null. */
  public SweepView get(String id, String tenant, String layer) throws SQLException {
    SweepRow sweep = owned(id, tenant);
    if (layer != null && !sweep.layers().contains(layer)) {
      throw ProblemException.invalidParameter("layer", "sweep " + id + " does not sweep layer '"
          + layer + "'; it sweeps " + String.join(", ", sweep.layers()));
    }
    return view(progress(sweep), true, layer);
  }

  /** A page of sweeps and the cursor of the next page, null on the last one. */
  public record Page(List<SweepView> items, String next) {}

  public Page list(String tenant, String model, PageCursor after, int limit) throws SQLException {
    // One row more than asked tells whether there is a next page without a count query.
    List<SweepRow> rows = repository.list(tenant, model, after, limit + 1);
    List<SweepRow> page = rows.subList(0, Math.min(limit, rows.size()));
    String next = rows.size() > limit ? new PageCursor(page.get(page.size() - 1).createdAt(),
        page.get(page.size() - 1).id()).encode() : null;
    List<SweepView> items = new ArrayList<>();
    for (SweepRow sweep : page) {
      items.add(view(progress(sweep), false, null));
    }
    return new Page(items, next);
  }

  /**
   * Marks the sweep cancelled and asks the workers to stop the published unfinished shards its
   * channels await, its own and those it shares with sweeps cancelled before, as {@code DELETE
   * /v1/jobs/{id}} does. A shard not published yet never will be, so it is only recorded
   * CANCELLED, since no worker will report it. A shard that another live sweep's channels await
   * goes on for that sweep. Cancelling again asks again what is unfinished; a sweep that
   * succeeded or failed has nothing left to stop and keeps its status (409, as for a finished
   * job).
   */
  public SweepView cancel(String id, String tenant) throws SQLException {
    SweepRow sweep = owned(id, tenant);
    SweepStatus status = progress(sweep).status();
    if (status == SweepStatus.SUCCEEDED || status == SweepStatus.FAILED) {
      throw new ProblemException(409, "sweep-finished", "Sweep already finished",
          "sweep " + id + " has " + status.name().toLowerCase(Locale.ROOT)
              + " and cannot be cancelled", List.of());
    }
    SweepRepository.Cancellation cancellation = repository.cancel(sweep.id(), tenant);
    List<JobEvent> stops = new ArrayList<>();
    for (ShardState shard : cancellation.shards()) {
      if (shard.status().isTerminal() || cancellation.awaited().contains(shard.jobId())) {
        continue;
      }
      stops.add(shard.published() ? JobEvent.cancelRequested(shard.jobId(), CANCEL_REASON)
          : JobEvent.status(shard.jobId(), JobStatus.CANCELLED, CANCEL_REASON, null, 0,
              shard.steps()));
    }
    publisher.publishAll(stops);
    return get(id, tenant);
  }

  /** The sweep's state as PostgreSQL has it now. */
  SweepProgress progress(SweepRow sweep) throws SQLException {
    return new SweepProgress(sweep, repository.channels(sweep.id()));
  }

  /** The tenant's sweep; 404 for another tenant's, so ids do not reveal sweeps. */
  SweepRow owned(String id, String tenant) throws SQLException {
    return repository.findOwned(id, tenant).orElseThrow(() -> new ProblemException(404,
        "sweep-not-found", "Sweep not found", "no sweep with id " + id, List.of()));
  }

  String url(ChannelState channel) {
    return presigner.downloadUrl(channel.objectKey());
  }

  /** The view; with {@code detailed}, the artifacts and searches of {@code layer} (all: null). */
  private SweepView view(SweepProgress progress, boolean detailed, String layer) {
    SweepRow sweep = progress.sweep();
    Map<String, List<ChannelState>> byLayer = progress.channels().stream().collect(
        Collectors.groupingBy(c -> c.channel().layer(), LinkedHashMap::new, Collectors.toList()));
    List<SweepView.LayerProgress> layers = byLayer.entrySet().stream()
        .map(e -> new SweepView.LayerProgress(e.getKey(), e.getValue().size(),
            (int) e.getValue().stream().filter(ChannelState::done).count()))
        .toList();
    List<ChannelState> shown = !detailed ? null : progress.channels().stream()
        .filter(c -> layer == null || c.channel().layer().equals(layer)).toList();
    List<SweepView.Artifact> artifacts = shown == null ? null : shown.stream()
        .filter(ChannelState::done)
        .map(c -> new SweepView.Artifact(c.channel().layer(), c.channel().channel(), url(c),
            c.channel().jobId(), c.channel().batchIndex(), c.channel().reused()))
        .toList();
    return new SweepView(sweep.id(), sweep.model(), progress.status(), layers,
        progress.channels().size(), (int) progress.done(), (int) progress.reused(),
        sweep.allLayers(), sweep.channels(), sweep.settings(),
        examples(sweep, shown),
        progress.reason(), sweep.createdAt(), progress.updatedAt(), artifacts,
        SweepView.Links.of(sweep.id()));
  }

  /** The sweep's dataset searches, those of {@code channels}; without them where null. */
  private static SweepView.Examples examples(SweepRow sweep, List<ChannelState> channels) {
    SweepExamples examples = sweep.examples();
    if (examples == null) {
      return null;
    }
    List<SweepView.Search> jobs = channels == null ? null : channels.stream()
        .filter(c -> c.channel().examplesJobId() != null)
        .map(c -> new SweepView.Search(c.channel().layer(), c.channel().channel(),
            c.channel().examplesJobId(), c.examplesStatus()))
        .toList();
    return new SweepView.Examples(examples.dataset(), examples.topK(), jobs);
  }
}
