package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.MessageFormatException;
import io.featureviz.contracts.messages.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Cancel requests for the jobs this instance is rendering. Every instance reads all of
 * {@code fv.events} in a consumer group of its own (a broadcast), since any worker may hold
 * the job, and {@code fv.cancellations} from its start ({@link CancellationLog}), for the
 * requests published before it started. A request for a job that is not running here is
 * remembered, since the job may still be queued in {@code fv.jobs} and reach this instance
 * later: it then ends CANCELLED at once.
 */
@ApplicationScoped
public class Cancellations {

  private static final Logger LOG = Logger.getLogger(Cancellations.class);

  /**
   * Enough for every job a burst of cancellations can leave queued: a cancelled sweep of a whole
   * model leaves thousands of shards (mobilenet_v2: 2642), so with 10 000 a fourth such sweep
   * cancelled would let the first one's shards run after all. Some 25 MB at most. Ids are never
   * reused.
   */
  static final int REMEMBERED = 100_000;

  private final Map<String, CancelFlag> running = new ConcurrentHashMap<>();
  /** Requests for jobs not running here, oldest first; guarded by {@code this}. */
  private final Map<String, String> notRunning = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > REMEMBERED;
    }
  };
  private volatile boolean shuttingDown;

  /** Whether a job should stop: its user asked, or this process is going away. */
  public final class CancelFlag {
    private volatile boolean requested;

    public boolean userRequested() {
      return requested;
    }

    public boolean shouldStop() {
      return requested || shuttingDown;
    }
  }

  /** Synchronized with {@link #onEvent}, so a request is either remembered or flags the job. */
  synchronized CancelFlag register(String jobId) {
    CancelFlag flag = new CancelFlag();
    String reason = notRunning.remove(jobId);
    if (reason != null) {
      LOG.infof("job %s was cancelled before it started: %s", jobId, reason);
      flag.requested = true;
    }
    running.put(jobId, flag);
    return flag;
  }

  /** Whether a request for this job, not running here, is remembered. */
  public synchronized boolean remembers(String jobId) {
    return notRunning.containsKey(jobId);
  }

  void release(String jobId, CancelFlag flag) {
    running.remove(jobId, flag);
  }

  /** Stops every render without a terminal status, so that another worker takes the job over. */
  void shutDown() {
    shuttingDown = true;
  }

  @Incoming("cancel-events")
  synchronized void onEvent(byte[] value) {
    if (value == null) {
      return;
    }
    JobEvent event;
    try {
      event = Messages.read(value, JobEvent.class);
    } catch (MessageFormatException e) {
      // fv.events is not ours to police; the job-api and sink read it too.
      LOG.debugf("ignoring unreadable event: %s", e.getMessage());
      return;
    }
    if (event.type() != JobEvent.Type.CANCEL_REQUESTED) {
      return;
    }
    CancelFlag flag = running.get(event.jobId());
    if (flag != null) {
      LOG.infof("cancelling job %s: %s", event.jobId(), event.reason());
      flag.requested = true;
    } else {
      notRunning.put(event.jobId(), String.valueOf(event.reason()));
    }
  }
}
