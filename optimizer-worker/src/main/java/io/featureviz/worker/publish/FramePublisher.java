package io.featureviz.worker.publish;

import io.featureviz.contracts.messages.FrameHeaders;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes frames to {@code fv.frames}: the PNG as value, {@link FrameHeaders} as headers. */
@ApplicationScoped
public class FramePublisher {

  @Channel("frames")
  MutinyEmitter<byte[]> frames;

  /** Waits for the broker's ack, so that every frame is stored before the job succeeds. */
  public void send(FrameHeaders headers, byte[] png) {
    try {
      frames.sendMessageAndAwait(KafkaMetadata.keyed(headers.jobId(), png, headers.toHeaders()));
    } catch (RuntimeException e) {
      throw new PublishException("frame " + headers.objectKey(), e);
    }
  }
}
