package io.featureviz.api.testing;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients, to see what the API published and to play the worker's part. */
public final class TestBus implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final String bootstrapServers;
  private final KafkaProducer<String, byte[]> producer;

  public TestBus(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrapServers);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  public void sendEvent(JobEvent event) throws Exception {
    producer.send(new ProducerRecord<>(Topics.EVENTS, event.jobId(), Messages.write(event))).get();
  }

  /** Records of {@code topic} with this key matching {@code wanted}, read from the start. */
  public List<ConsumerRecord<String, byte[]>> await(String topic, String key,
      Predicate<ConsumerRecord<String, byte[]>> wanted) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (found.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
          if (key.equals(record.key()) && wanted.test(record)) {
            found.add(record);
          }
        });
      }
      return found;
    }
  }

  /** Messages ever written to the topic, summed over its partitions. */
  public long endOffsets(String topic) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "api-test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public void close() {
    producer.close();
  }
}
