package io.featureviz.api.events;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.MessageFormatException;
import io.featureviz.contracts.messages.Messages;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every event on {@code fv.events}, fanned out to the open event streams of this instance. The
 * consumer group is unique per instance (see application.properties), so each instance sees all
 * events whatever partitions the others hold.
 */
@ApplicationScoped
public class JobEventHub {

  private static final Logger LOG = Logger.getLogger(JobEventHub.class);
  /** Events a slow stream may lag behind before it is dropped. */
  private static final int STREAM_BUFFER = 256;

  private final BroadcastProcessor<JobEvent> broadcast = BroadcastProcessor.create();

  @Incoming("job-events")
  public void dispatch(byte[] value) {
    try {
      broadcast.onNext(Messages.read(value, JobEvent.class));
    } catch (MessageFormatException e) {
      LOG.debugf("ignoring unreadable job event: %s", e.getMessage());
    }
  }

  /** Live events of one job, from now on. */
  public Multi<JobEvent> of(String jobId) {
    return broadcast.filter(event -> jobId.equals(event.jobId()))
        .onOverflow().buffer(STREAM_BUFFER);
  }
}
