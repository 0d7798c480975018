package io.featureviz.api.sweeps;

import io.featureviz.api.ApiConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The server-sent events of one sweep, read from PostgreSQL every {@code fv.events.poll-interval}
 * (a sweep's progress is its stored frames, so there is nothing live to follow): first a
 * {@code progress} event with the counts as they stand (no channel), then one {@code progress}
 * event per channel whose image was stored since, with its URL, and a last {@code status} event
 * once the sweep is succeeded, failed or cancelled; then the stream ends.
 */
@ApplicationScoped
class SweepEventStream {

  private static final Logger LOG = Logger.getLogger(SweepEventStream.class);

  private final SweepService sweeps;
  private final Duration pollInterval;

  SweepEventStream(SweepService sweeps, ApiConfig config) {
    this.sweeps = sweeps;
    this.pollInterval = config.events().pollInterval();
  }

  /** The stream of the tenant's sweep; another tenant's sweep is not found. */
  Multi<OutboundSseEvent> open(String id, String tenant, Sse sse) throws SQLException {
    SweepRow sweep = sweeps.owned(id, tenant);
    return Multi.createFrom().emitter(emitter -> new Session(sweep, sse, emitter).start());
  }

  /** Data of a {@code progress} event; {@code layer}, {@code channel}, {@code url} of the
   * channel whose image was stored, absent in the first event. */
  public record ProgressData(String id, SweepStatus status, int channelsDone, int channelsTotal,
      String layer, Integer channel, String url) {}

  /** Data of the last event, {@code status}. */
  public record StatusData(String id, SweepStatus status, int channelsDone, int channelsTotal,
      String reason) {}

  private final class Session {

    private final SweepRow sweep;
    private final Sse sse;
    private final MultiEmitter<? super OutboundSseEvent> emitter;
    /** Positions of the channels whose image was announced (or counted in the first event). */
    private Set<Integer> sent;
    private ScheduledFuture<?> poll;

    Session(SweepRow sweep, Sse sse, MultiEmitter<? super OutboundSseEvent> emitter) {
      this.sweep = sweep;
      this.sse = sse;
      this.emitter = emitter;
    }

    void start() {
      poll = Infrastructure.getDefaultWorkerPool().scheduleWithFixedDelay(this::poll, 0,
          pollInterval.toMillis(), TimeUnit.MILLISECONDS);
      emitter.onTermination(() -> poll.cancel(false));
    }

    private synchronized void poll() {
      try {
        SweepProgress progress = sweeps.progress(sweeps.owned(sweep.id(), sweep.tenant()));
        SweepStatus status = progress.status();
        int total = progress.channels().size();
        if (sent == null) {
          sent = new HashSet<>();
          progress.channels().stream().filter(ChannelState::done)
              .forEach(c -> sent.add(c.channel().position()));
          send("progress", new ProgressData(sweep.id(), status, sent.size(), total, null, null,
              null));
        } else {
          for (ChannelState channel : progress.channels()) {
            if (channel.done() && sent.add(channel.channel().position())) {
              send("progress", new ProgressData(sweep.id(), status, sent.size(), total,
                  channel.channel().layer(), channel.channel().channel(), sweeps.url(channel)));
            }
          }
        }
        if (status.isTerminal()) {
          send("status", new StatusData(sweep.id(), status, (int) progress.done(), total,
              progress.reason()));
          emitter.complete();
        }
      } catch (SQLException | RuntimeException e) {
        LOG.warnf("event stream of sweep %s failed: %s", sweep.id(), e.getMessage());
        emitter.fail(e);
      }
    }

    private void send(String name, Object data) {
      emitter.emit(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE)
          .data(data).build());
    }
  }
}
