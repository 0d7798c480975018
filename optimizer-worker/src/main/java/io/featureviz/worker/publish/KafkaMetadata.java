package io.featureviz.worker.publish;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds outgoing Kafka messages keyed by job id (or model id), so that one job's (model's)
 * messages stay in order.
 */
final class KafkaMetadata {

  private KafkaMetadata() {}

  static Message<byte[]> keyed(String key, byte[] value, Map<String, byte[]> headers) {
    RecordHeaders recordHeaders = new RecordHeaders();
    headers.forEach(recordHeaders::add);
    return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
        .withKey(key)
        .withHeaders(recordHeaders)
        .build());
  }
}
