package io.featureviz.worker;

import static org.junit.jupiter.api.Assertions.fail;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** A plain producer, and readers of the topics from their end, as another service would see them. */
public final class KafkaTestClient {

  public static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

  private KafkaTestClient() {}

  public static String bootstrapServers() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  public static RecordMetadata send(ProducerRecord<String, byte[]> record) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      return producer.send(record).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("cannot send to " + record.topic(), e);
    }
  }

  public static RecordMetadata sendJob(String key, byte[] value) {
    return send(new ProducerRecord<>(Topics.JOBS, key, value));
  }

  /** Every record written to a topic after this tail was opened (or since its start). */
  public static final class Tail implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public Tail(String topic) {
      this(topic, false);
    }

    /** Every record of a topic, from its start: what a compacted topic holds. */
    public static Tail fromStart(String topic) {
      return new Tail(topic, true);
    }

    private Tail(String topic, boolean fromStart) {
      consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      if (fromStart) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy; fix the positions now, before the test writes anything.
        partitions.forEach(consumer::position);
      }
    }

    /** Polls until the records seen so far satisfy {@code done}; fails after {@code timeout}. */
    public List<ConsumerRecord<String, byte[]>> await(
        Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout, String what) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(seen)) {
        if (System.nanoTime() > deadline) {
          fail("timed out waiting for " + what + "; saw " + seen.size() + " records");
        }
        poll(Duration.ofMillis(200));
      }
      return List.copyOf(seen);
    }

    /** What has arrived by now, after one more poll of {@code wait}. */
    public List<ConsumerRecord<String, byte[]>> records(Duration wait) {
      poll(wait);
      return List.copyOf(seen);
    }

    private void poll(Duration wait) {
      consumer.poll(wait).forEach(seen::add);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  /** The job's events among these records, in order. */
  public static List<JobEvent> events(List<ConsumerRecord<String, byte[]>> records, String jobId) {
    return records.stream().filter(r -> jobId.equals(r.key()))
        .map(r -> Messages.read(r.value(), JobEvent.class)).toList();
  }

  /** Whether the job has reached a terminal status among these event records. */
  public static boolean finished(List<ConsumerRecord<String, byte[]>> records, String jobId) {
    return events(records, jobId).stream()
        .anyMatch(e -> e.status() != null && e.status().isTerminal());
  }

  /** The job's terminal status event among these event records. */
  public static JobEvent terminal(List<ConsumerRecord<String, byte[]>> records, String jobId) {
    return events(records, jobId).stream()
        .filter(e -> e.status() != null && e.status().isTerminal()).findFirst().orElseThrow();
  }

  /** The records of one job (frames are keyed by job id). */
  public static List<ConsumerRecord<String, byte[]>> framesOf(
      List<ConsumerRecord<String, byte[]>> records, String jobId) {
    return records.stream().filter(r -> jobId.equals(r.key())).toList();
  }

  public static Map<String, byte[]> headers(ConsumerRecord<String, byte[]> record) {
    Map<String, byte[]> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value());
    }
    return headers;
  }
}
