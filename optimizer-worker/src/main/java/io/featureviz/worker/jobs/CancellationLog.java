package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.Topics;
import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.engine.WorkerIdentity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads {@code fv.cancellations} from its start into {@link Cancellations}, then follows it.
 * {@code fv.events} tells only the instances running at the time of a request; this log also
 * tells one that starts later (a restart, a scale-out), so a job cancelled while it was queued
 * ends CANCELLED without rendering whichever instance takes it. The job consumer takes no job
 * before the requests published up to this instance's start are read ({@link #awaitCaughtUp}).
 *
 * <p>No consumer group: every instance assigns itself the whole topic and never commits.
 */
@ApplicationScoped
public class CancellationLog {

  private static final Logger LOG = Logger.getLogger(CancellationLog.class);

  private final Cancellations cancellations;
  private final Map<String, Object> kafkaConfig;
  private final Duration pollTimeout;
  private final String worker;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private volatile boolean running;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread thread;

  CancellationLog(Cancellations cancellations, WorkerConfig config,
      @Identifier("default-kafka-broker") Map<String, Object> kafka, WorkerIdentity identity) {
    this.cancellations = cancellations;
    this.kafkaConfig = kafka;
    this.pollTimeout = config.jobs().pollTimeout();
    this.worker = identity.id();
  }

  void start(@Observes StartupEvent event) {
    running = true;
    thread = new Thread(this::readLoop, "fv-cancellations");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    KafkaConsumer<String, byte[]> reading = consumer;
    if (reading != null) {
      reading.wakeup();
    }
    if (thread != null) {
      thread.join(pollTimeout.plusSeconds(5).toMillis());
    }
  }

  /** Waits until the requests published before this instance started are known. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  private void readLoop() {
    while (running) {
      try (KafkaConsumer<String, byte[]> reading = new KafkaConsumer<>(consumerConfig())) {
        consumer = reading;
        List<TopicPartition> partitions = reading.partitionsFor(Topics.CANCELLATIONS).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (partitions.isEmpty()) {
          throw new KafkaException(Topics.CANCELLATIONS + " does not exist; no job is taken "
              + "before it does (the deploys' topic setup creates it)");
        }
        reading.assign(partitions);
        reading.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = reading.endOffsets(partitions);
        while (running) {
          for (ConsumerRecord<String, byte[]> record : reading.poll(pollTimeout)) {
            cancellations.onEvent(record.value());
          }
          if (!isCaughtUp() && ends.entrySet().stream()
              .allMatch(end -> reading.position(end.getKey()) >= end.getValue())) {
            LOG.infof("read the cancel requests of %s up to %s", Topics.CANCELLATIONS, ends);
            caughtUp.countDown();
          }
        }
      } catch (WakeupException e) {
        // stop() woke the poll up
      } catch (KafkaException e) {
        // Read again from the start: remembering a request twice changes nothing.
        LOG.warnf("reading %s failed, retrying: %s", Topics.CANCELLATIONS, e.getMessage());
        sleepQuietly();
      } finally {
        consumer = null;
      }
    }
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> properties = new HashMap<>(kafkaConfig);
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "fv-cancellations-" + worker);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return properties;
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(pollTimeout.plusSeconds(1).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
