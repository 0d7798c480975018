package io.featureviz.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An S3-compatible object store (s3proxy) in this JVM on 127.0.0.1, keeping objects as files under a directory.
 * It can be stopped and started again on the same port and keys, to play an object store outage.
 */
public final class S3Node implements AutoCloseable {

  private final Path dataDir;
  private final int port;
  private final String accessKey;
  private final String secretKey;
  private S3ProxyServer server;

  private S3Node(Path dataDir, int port, String accessKey, String secretKey) {
    this.dataDir = dataDir;
    this.port = port;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /** Starts on a free port with freshly generated keys. */
  public static S3Node start(Path dataDir) {
    return start(dataDir, 0);
  }

  /** Starts on {@code port} (0: a free one) with freshly generated keys. */
  public static S3Node start(Path dataDir, int port) {
    return start(dataDir, port, RandomSecret.accessKey(), RandomSecret.secret());
  }

  /** Starts on {@code port} (0: a free one) with the given keys. */
  public static S3Node start(Path dataDir, int port, String accessKey, String secretKey) {
    S3Node node = new S3Node(dataDir, FreePort.orPick(port), accessKey, secretKey);
    node.start();
    return node;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public String accessKey() {
    return accessKey;
  }

  public String secretKey() {
    return secretKey;
  }

  /** Starts serving again after {@link #stop()}; a no-op when running. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    S3ProxyServer starting = new S3ProxyServer(dataDir, port, accessKey, secretKey);
    starting.start();
    server = starting;
  }

  /** Stops serving: requests fail with connection refused until {@link #start()}. Objects stay on disk. */
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Creates the bucket unless it exists; the node must be running. */
  public synchronized void createBucket(String bucket) {
    if (server == null) {
      throw new IllegalStateException("S3 node on " + endpoint() + " is stopped");
    }
    server.createBucket(bucket);
  }

  @Override
  public void close() {
    stop();
  }
}
