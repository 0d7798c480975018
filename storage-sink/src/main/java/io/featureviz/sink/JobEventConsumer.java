package io.featureviz.sink;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.MessageFormatException;
import io.featureviz.contracts.messages.Messages;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code fv.events}: status changes (with an explain job's explanation) and progress;
 * acknowledged once written.
 */
@ApplicationScoped
public class JobEventConsumer {

  private static final Logger LOG = Logger.getLogger(JobEventConsumer.class);

  private final JobEventRows rows;
  private final TransientFailureRetry retry;

  JobEventConsumer(JobEventRows rows, TransientFailureRetry retry) {
    this.rows = rows;
    this.retry = retry;
  }

  @Incoming("events")
  @Blocking
  @Acknowledgment(Acknowledgment.Strategy.POST_PROCESSING)
  public void consume(byte[] value) throws Exception {
    JobEvent event;
    try {
      event = Messages.read(value, JobEvent.class);
    } catch (MessageFormatException e) {
      // Includes event types newer than this sink: they are not the sink's business.
      LOG.warnf("skipping unreadable job event: %s", e.getMessage());
      return;
    }
    switch (event.type()) {
      case STATUS -> retry.run(() -> rows.recordStatus(event));
      case PROGRESS -> retry.run(() -> rows.recordProgress(event));
      case CANCEL_REQUESTED -> { /* the worker acts on it; the CANCELLED status is recorded */ }
    }
  }
}
