package io.featureviz.api.events;

import io.featureviz.api.ApiConfig;
import io.featureviz.api.jobs.FrameRow;
import io.featureviz.api.jobs.JobRepository;
import io.featureviz.api.jobs.JobRow;
import io.featureviz.api.jobs.JobService;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The server-sent events of one job: {@code status}, {@code progress} and {@code frame}.
 *
 * <p>Progress comes live from {@code fv.events}. Frames and status also come from the database,
 * polled while the stream is open: a frame is announced once the sink has stored it (so its URL
 * works), and a status event missed while the consumer was joining cannot leave a stream open.
 * The stream ends after a terminal status, once the final frames are stored or a grace period
 * has passed.
 */
@ApplicationScoped
public class JobEventStream {

  private static final Logger LOG = Logger.getLogger(JobEventStream.class);

  private final JobEventHub hub;
  private final JobRepository repository;
  private final JobService jobs;
  private final Duration pollInterval;
  private final Duration finalFrameGrace;

  JobEventStream(JobEventHub hub, JobRepository repository, JobService jobs, ApiConfig config) {
    this.hub = hub;
    this.repository = repository;
    this.jobs = jobs;
    this.pollInterval = config.events().pollInterval();
    this.finalFrameGrace = config.events().finalFrameGrace();
  }

  /** The stream of the tenant's job; another tenant's job is not found. */
  public Multi<OutboundSseEvent> open(String jobId, String tenant, Sse sse) throws SQLException {
    jobs.owned(jobId, tenant);
    return Multi.createFrom().emitter(emitter -> new Session(jobId, sse, emitter).start());
  }

  /** One client's stream: what it has been sent, and the subscriptions feeding it. */
  private final class Session {

    private final String jobId;
    private final Sse sse;
    private final MultiEmitter<? super OutboundSseEvent> emitter;
    private final Set<String> framesSent = new HashSet<>();
    private JobStatus statusSent;
    private long terminalSince;
    private Cancellable live;
    private ScheduledFuture<?> poll;

    Session(String jobId, Sse sse, MultiEmitter<? super OutboundSseEvent> emitter) {
      this.jobId = jobId;
      this.sse = sse;
      this.emitter = emitter;
    }

    void start() {
      // Subscribe before the first poll, so nothing falls between the snapshot and live events.
      live = hub.of(jobId).subscribe().with(this::onEvent, emitter::fail);
      poll = Infrastructure.getDefaultWorkerPool().scheduleWithFixedDelay(this::poll, 0,
          pollInterval.toMillis(), TimeUnit.MILLISECONDS);
      emitter.onTermination(this::stop);
    }

    private synchronized void onEvent(JobEvent event) {
      switch (event.type()) {
        case PROGRESS -> send("progress", new ProgressData(jobId, event.step(), event.steps(),
            finite(event.objectiveValue())));
        case STATUS -> sendStatus(event.status(), event.step(), event.steps(), event.reason());
        case CANCEL_REQUESTED -> send("cancel_requested", new StatusData(jobId, null, 0, 0,
            event.reason()));
      }
    }

    private synchronized void poll() {
      try {
        JobRow job = repository.find(jobId).orElseThrow();
        List<FrameRow> frames = repository.frames(jobId);
        for (FrameRow frame : frames) {
          if (framesSent.add(frame.step() + "/" + frame.batchIndex())) {
            send("frame", jobs.artifact(frame));
          }
        }
        sendStatus(job.status(), job.progressStep(), job.steps() == null ? 0 : job.steps(),
            job.reason());
        if (statusSent != null && statusSent.isTerminal()
            && (allFinalFramesStored(job, frames) || graceOver())) {
          emitter.complete();
        }
      } catch (SQLException | RuntimeException e) {
        LOG.warnf("event stream of job %s failed: %s", jobId, e.getMessage());
        emitter.fail(e);
      }
    }

    private void sendStatus(JobStatus status, int step, int steps, String reason) {
      boolean forward = statusSent == null || rank(status) > rank(statusSent);
      if (status != null && forward) {
        statusSent = status;
        if (status.isTerminal()) {
          terminalSince = System.nanoTime();
        }
        send("status", new StatusData(jobId, status, step, steps, reason));
      }
    }

    private boolean allFinalFramesStored(JobRow job, List<FrameRow> frames) {
      if (statusSent != JobStatus.SUCCEEDED) {
        return true;
      }
      long finals = frames.stream().filter(FrameRow::isFinal).count();
      return job.finalFrames() != null && finals >= job.finalFrames();
    }

    private boolean graceOver() {
      return System.nanoTime() - terminalSince > finalFrameGrace.toNanos();
    }

    private void send(String name, Object data) {
      emitter.emit(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE)
          .data(data).build());
    }

    private void stop() {
      live.cancel();
      poll.cancel(false);
    }
  }

  /** Order of statuses: a stream never goes back to an earlier one. */
  private static int rank(JobStatus status) {
    return switch (status) {
      case QUEUED -> 0;
      case RUNNING -> 1;
      default -> 2;
    };
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** Data of a {@code status} event. */
  public record StatusData(String jobId, JobStatus status, int step, int steps, String reason) {}

  /** Data of a {@code progress} event. */
  public record ProgressData(String jobId, int step, int steps, Double objectiveValue) {}
}
