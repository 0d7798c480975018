package io.featureviz.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A Kafka broker and KRaft controller in this JVM, on 127.0.0.1. Stopping and starting it again keeps its port
 * and its data, like a broker restart in production.
 */
public final class KafkaNode implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  private KafkaNode(Path dataDir, int port, int controllerPort) {
    this.dataDir = dataDir;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** Starts on a free port and waits until it serves requests. */
  public static KafkaNode start(Path dataDir) {
    return start(dataDir, 0);
  }

  /** Starts on {@code port} (0: a free one) and waits until it serves requests. */
  public static KafkaNode start(Path dataDir, int port) {
    KafkaNode node = new KafkaNode(dataDir, FreePort.orPick(port), FreePort.pick());
    node.startServer();
    return node;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Creates the topics that do not exist yet; this node holds their only replica. */
  public void createTopics(List<NewTopic> topics) {
    try (Admin admin = admin()) {
      for (var result : admin.createTopics(topics).values().values()) {
        try {
          result.get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("could not create topics " + topics, e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /** Shuts the broker down cleanly; clients see it gone until {@link #restart()}. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  /** Stops, then starts again on the same port with the same data. */
  public synchronized void restart() {
    stop();
    startServer();
  }

  @Override
  public void close() {
    stop();
  }

  private synchronized void startServer() {
    try {
      Files.createDirectories(dataDir);
      KraftStorage.formatIfNew(dataDir);
      server = new KafkaRaftServer(new KafkaConfig(KraftConfig.of(dataDir, port, controllerPort), false), Time.SYSTEM);
      server.startup();
      awaitReady();
    } catch (Exception e) {
      stop();
      throw new IllegalStateException("Kafka did not start on " + bootstrapServers() + " with data in " + dataDir, e);
    }
  }

  /** The broker is ready once it has registered with the controller and shows up in the cluster metadata. */
  private void awaitReady() throws Exception {
    try (Admin admin = admin()) {
      admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis()));
  }
}
