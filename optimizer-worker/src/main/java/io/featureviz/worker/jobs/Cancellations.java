package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.MessageFormatException;
import io.featureviz.contracts.messages.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Cancel requests for the jobs this instance is rendering. Every instance reads all of
 * {@code fv.events} in a consumer group of its own (a broadcast), since any worker may hold
 * the job.
 */
@ApplicationScoped
public class Cancellations {

  private static final Logger LOG = Logger.getLogger(Cancellations.class);

  private final Map<String, CancelFlag> running = new ConcurrentHashMap<>();
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

  CancelFlag register(String jobId) {
    CancelFlag flag = new CancelFlag();
    running.put(jobId, flag);
    return flag;
  }

  void release(String jobId, CancelFlag flag) {
    running.remove(jobId, flag);
  }

  /** Stops every render without a terminal status, so that another worker takes the job over. */
  void shutDown() {
    shuttingDown = true;
  }

  @Incoming("cancellations")
  void onEvent(byte[] value) {
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
    }
  }
}
