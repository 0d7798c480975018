package io.featureviz.sink;

import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.MessageFormatException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code fv.frames}. The record is acknowledged after this method returns, i.e. after
 * the object and the row are written; the throttled commit strategy commits an offset only once
 * every record before it is acknowledged, so a crash re-delivers, never skips.
 */
@ApplicationScoped
public class FrameConsumer {

  private static final Logger LOG = Logger.getLogger(FrameConsumer.class);

  private final FrameStore store;
  private final Counter rejected;

  FrameConsumer(FrameStore store, MeterRegistry registry) {
    this.store = store;
    this.rejected = registry.counter("fv.sink.frames.rejected");
  }

  @Incoming("frames")
  @Blocking
  @Acknowledgment(Acknowledgment.Strategy.POST_PROCESSING)
  public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
    try {
      store.store(FrameHeaders.fromHeaders(headers(record)), record.value());
    } catch (MessageFormatException e) {
      // Redelivery cannot fix a malformed frame; stopping the channel for it would stall all jobs.
      rejected.increment();
      LOG.warnf("skipping frame at %s-%d@%d: %s", record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
  }

  private static Map<String, byte[]> headers(ConsumerRecord<?, ?> record) {
    Map<String, byte[]> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value());
    }
    return headers;
  }
}
