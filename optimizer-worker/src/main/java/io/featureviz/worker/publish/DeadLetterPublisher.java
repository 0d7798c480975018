package io.featureviz.worker.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Forwards unprocessable job records, unchanged, to {@code fv.jobs.dlq} with why and where from
 * in headers, so that they can be inspected and replayed.
 */
@ApplicationScoped
public class DeadLetterPublisher {

  public static final String REASON = "fv-dlq-reason";
  public static final String SOURCE_TOPIC = "fv-dlq-source-topic";
  public static final String SOURCE_PARTITION = "fv-dlq-source-partition";
  public static final String SOURCE_OFFSET = "fv-dlq-source-offset";

  private final MutinyEmitter<byte[]> deadLetters;
  private final Counter forwarded;

  DeadLetterPublisher(@Channel("dead-letters") MutinyEmitter<byte[]> deadLetters,
      MeterRegistry registry) {
    this.deadLetters = deadLetters;
    this.forwarded = Counter.builder("fv.worker.dlq")
        .description("Job records forwarded to the dead-letter topic")
        .register(registry);
  }

  public void send(ConsumerRecord<String, byte[]> record, String reason) {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value());
    }
    headers.put(REASON, utf8(reason));
    headers.put(SOURCE_TOPIC, utf8(record.topic()));
    headers.put(SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
    headers.put(SOURCE_OFFSET, utf8(Long.toString(record.offset())));
    try {
      deadLetters.sendMessageAndAwait(KafkaMetadata.keyed(record.key(), record.value(), headers));
    } catch (RuntimeException e) {
      throw new PublishException("dead letter of " + record.topic() + "-" + record.partition()
          + "@" + record.offset(), e);
    }
    forwarded.increment();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
