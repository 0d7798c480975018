package io.featureviz.devstack;

import io.featureviz.contracts.messages.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka, the object store and PostgreSQL, started together with the featureviz topics and bucket in place, and
 * the configuration that points the services at them.
 */
public final class DevStack implements AutoCloseable {

  public static final String BUCKET = "featureviz";
  public static final String REGION = "us-east-1";

  /** Ports to listen on; 0 picks a free one. */
  public record Ports(int kafka, int s3, int postgres) {
    public static final Ports ANY = new Ports(0, 0, 0);
  }

  private final KafkaNode kafka;
  private final S3Node s3;
  private final PostgresNode postgres;

  private DevStack(KafkaNode kafka, S3Node s3, PostgresNode postgres) {
    this.kafka = kafka;
    this.s3 = s3;
    this.postgres = postgres;
  }

  /** Starts everything on free ports, with data under {@code stateDir}. */
  public static DevStack start(Path stateDir) {
    return start(stateDir, Ports.ANY);
  }

  /** Starts the three nodes side by side (each waits mostly on its own I/O), then creates topics and bucket. */
  public static DevStack start(Path stateDir, Ports ports) {
    var kafka = CompletableFuture.supplyAsync(() -> KafkaNode.start(stateDir.resolve("kafka"), ports.kafka()));
    var s3 = CompletableFuture.supplyAsync(() -> S3Node.start(stateDir.resolve("s3"), ports.s3()));
    var postgres = CompletableFuture.supplyAsync(
        () -> PostgresNode.start(stateDir.resolve("postgres"), ports.postgres()));
    try {
      DevStack stack = new DevStack(kafka.join(), s3.join(), postgres.join());
      stack.kafka.createTopics(List.of(
          topic(Topics.JOBS, Topics.JOBS_PARTITIONS),
          topic(Topics.FRAMES, 3),
          topic(Topics.EVENTS, 3),
          // Every worker reads it whole from its start: one small log.
          topic(Topics.CANCELLATIONS, 1),
          topic(Topics.JOBS_DLQ, 1),
          // Imports spread over the workers as jobs do; the catalog is one small compacted log.
          topic(Topics.MODEL_IMPORTS, Topics.JOBS_PARTITIONS),
          topic(Topics.MODELS, 1)));
      stack.s3.createBucket(BUCKET);
      return stack;
    } catch (RuntimeException e) {
      closeStarted(List.of(kafka, s3, postgres), e);
      throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** A featureviz topic with its settings (retention where it must not grow without bound, compaction). */
  private static NewTopic topic(String name, int partitions) {
    return new NewTopic(name, partitions, (short) 1).configs(Topics.config(name));
  }

  /** After a failed start: stops the nodes that did come up, so that no port or process is left behind. */
  private static void closeStarted(List<CompletableFuture<? extends AutoCloseable>> nodes, RuntimeException failure) {
    for (var node : nodes) {
      try {
        node.join().close();
      } catch (Exception e) {
        if (!(e instanceof CompletionException)) {
          failure.addSuppressed(e);
        }
      }
    }
  }

  /** The services' configuration for this stack, keyed as in their application.properties. */
  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    p.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
    p.put("quarkus.datasource.username", postgres.username());
    p.put("quarkus.datasource.password", postgres.password());
    p.put("fv.storage.endpoint", s3.endpoint());
    p.put("fv.storage.access-key", s3.accessKey());
    p.put("fv.storage.secret-key", s3.secretKey());
    p.put("fv.storage.bucket", BUCKET);
    p.put("fv.storage.region", REGION);
    return p;
  }

  public KafkaNode kafka() {
    return kafka;
  }

  public S3Node s3() {
    return s3;
  }

  public PostgresNode postgres() {
    return postgres;
  }

  /** Stops all nodes, the message bus last so that nothing in flight is lost for want of it. */
  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (AutoCloseable node : List.of(postgres, s3, kafka)) {
      try {
        node.close();
      } catch (Exception e) {
        failures.add(e instanceof RuntimeException r ? r : new IllegalStateException(e));
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }
}
