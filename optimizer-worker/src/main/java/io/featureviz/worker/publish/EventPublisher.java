package io.featureviz.worker.publish;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.Messages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Writes {@link JobEvent}s to {@code fv.events}. */
@ApplicationScoped
public class EventPublisher {

  private static final Logger LOG = Logger.getLogger(EventPublisher.class);

  @Channel("events")
  MutinyEmitter<byte[]> events;

  /** Waits for the broker's ack: a status change must be stored before the job's offset is committed. */
  public void status(JobEvent event) {
    try {
      events.sendMessageAndAwait(message(event));
    } catch (RuntimeException e) {
      throw new PublishException(event.status() + " of job " + event.jobId(), e);
    }
  }

  /** Does not wait: progress is advisory, and a lost one is replaced by the next. */
  public void progress(JobEvent event) {
    events.sendMessage(message(event)).subscribe().with(
        ignored -> { },
        failure -> LOG.debugf("progress of job %s not sent: %s", event.jobId(), failure));
  }

  private static Message<byte[]> message(JobEvent event) {
    return KafkaMetadata.keyed(event.jobId(), Messages.write(event), Map.of());
  }
}
