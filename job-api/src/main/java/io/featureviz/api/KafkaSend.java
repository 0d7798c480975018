package io.featureviz.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keyed sends that wait for the broker's acknowledgement, so that an answer saying something
 * was published is true. A send that times out may still reach the broker later: every message
 * the API publishes is harmless twice.
 */
public final class KafkaSend {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private KafkaSend() {}

  /** @throws RuntimeException when the broker did not acknowledge in time */
  public static void awaitAck(MutinyEmitter<byte[]> emitter, String key, byte[] value) {
    send(emitter, key, value).await().atMost(SEND_TIMEOUT);
  }

  /**
   * Sends without waiting: the answer completes with the broker's acknowledgement. Sends of one
   * key keep their order.
   */
  public static Uni<Void> send(MutinyEmitter<byte[]> emitter, String key, byte[] value) {
    Message<byte[]> message = Message.of(value)
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    return emitter.sendMessage(message);
  }

  /**
   * Waits for the acknowledgement of every send, as long as for one: they travel together.
   *
   * @throws RuntimeException when one was not acknowledged in time
   */
  public static void awaitAcks(List<Uni<Void>> sends) {
    if (!sends.isEmpty()) {
      Uni.join().all(sends).andFailFast().await().atMost(SEND_TIMEOUT);
    }
  }
}
