package io.featureviz.client.bench;

import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the workers said and when, read from Kafka beside the services: each job's status events
 * (the worker's own {@code at}) and each frame's send time (the record's create timestamp).
 * Reads from the end of the topics at construction, without a consumer group.
 */
public final class PipelineTimeline implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, JobEvent> statuses = new ConcurrentHashMap<>();
  private final Map<String, Long> frameSentAt = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread poller;

  public PipelineTimeline(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    consumer = new KafkaConsumer<>(config);
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.EVENTS, Topics.FRAMES)) {
      consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end offsets now, before any job starts
    poller = new Thread(this::poll, "pipeline-timeline");
    poller.start();
  }

  /** The status event with which a job reached {@code status}, as the worker stamped it. */
  public Optional<JobEvent> status(String jobId, JobStatus status) {
    return Optional.ofNullable(statuses.get(jobId + "/" + status));
  }

  /** Every status event with {@code status} seen so far, whichever job it is of. */
  public List<JobEvent> statuses(JobStatus status) {
    return statuses.values().stream().filter(event -> event.status() == status).toList();
  }

  /** When the worker sent the frame to Kafka (epoch ms). */
  public Optional<Long> frameSentAt(String jobId, int step, int batchIndex) {
    return Optional.ofNullable(frameSentAt.get(jobId + "/" + step + "/" + batchIndex));
  }

  private void poll() {
    while (running.get()) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        if (record.topic().equals(Topics.FRAMES)) {
          FrameHeaders frame = FrameHeaders.fromHeaders(headers(record));
          frameSentAt.put(frame.jobId() + "/" + frame.step() + "/" + frame.batchIndex(),
              record.timestamp());
        } else {
          JobEvent event = Messages.read(record.value(), JobEvent.class);
          if (event.type() == JobEvent.Type.STATUS) {
            statuses.put(event.jobId() + "/" + event.status(), event);
          }
        }
      }
    }
  }

  private static Map<String, byte[]> headers(ConsumerRecord<byte[], byte[]> record) {
    Map<String, byte[]> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value());
    }
    return headers;
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    poller.join();
    consumer.close();
  }
}
