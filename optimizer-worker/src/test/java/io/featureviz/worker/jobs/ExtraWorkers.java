package io.featureviz.worker.jobs;

import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.engine.Engine;
import io.featureviz.worker.engine.WorkerIdentity;
import io.featureviz.worker.models.ModelStore;
import io.featureviz.worker.publish.DeadLetterPublisher;
import io.featureviz.worker.publish.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * More workers in the test JVM, wired like the application's but each with an id of its own,
 * joining the same consumer group of {@code fv.jobs}.
 */
@ApplicationScoped
public class ExtraWorkers {

  @Inject
  WorkerConfig config;

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  @Inject
  ModelStore models;

  @Inject
  JobRendering rendering;

  @Inject
  DatasetExamplesJob examples;

  @Inject
  ExplainJob explanations;

  @Inject
  EventPublisher events;

  @Inject
  DeadLetterPublisher deadLetters;

  @Inject
  Engine engine;

  @Inject
  MeterRegistry registry;

  private final List<CancellationLog> logs = new CopyOnWriteArrayList<>();

  /** A started worker with this id; stop it with {@code stop(null)}. */
  JobConsumer start(String id) {
    WorkerConfig workerConfig = withId(config, id);
    WorkerIdentity identity = new WorkerIdentity(workerConfig);
    Cancellations cancellations = new Cancellations();
    CancellationLog log = new CancellationLog(cancellations, workerConfig, kafkaConfig, identity);
    log.start(null);
    logs.add(log);
    JobRunner runner = new JobRunner(models, rendering, examples, explanations, cancellations,
        events, identity, workerConfig, registry);
    JobConsumer consumer = new JobConsumer(workerConfig, kafkaConfig,
        new JobIntake(runner, deadLetters, events, identity), cancellations, log, engine,
        identity, registry);
    consumer.start(null);
    return consumer;
  }

  @PreDestroy
  void stopLogs() throws InterruptedException {
    for (CancellationLog log : logs) {
      log.stop(null);
    }
  }

  private static WorkerConfig withId(WorkerConfig base, String id) {
    return new WorkerConfig() {
      @Override
      public int concurrency() {
        return base.concurrency();
      }

      @Override
      public int maxBatch() {
        return base.maxBatch();
      }

      @Override
      public MemorySize packMemory() {
        return base.packMemory();
      }

      @Override
      public int graphCacheSize() {
        return base.graphCacheSize();
      }

      @Override
      public Device device() {
        return base.device();
      }

      @Override
      public Optional<Integer> tensorflowThreads() {
        return base.tensorflowThreads();
      }

      @Override
      public Optional<String> id() {
        return Optional.of(id);
      }

      @Override
      public Duration progressInterval() {
        return base.progressInterval();
      }

      @Override
      public Path modelCacheDir() {
        return base.modelCacheDir();
      }

      @Override
      public Jobs jobs() {
        return base.jobs();
      }

      @Override
      public Imports imports() {
        return base.imports();
      }
    };
  }
}
