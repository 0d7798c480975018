package io.featureviz.client.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The devstack infra process (Kafka, s3proxy, PostgreSQL): started, awaited, cleaned up after. */
final class InfraProcess {

  static final String NAME = "infra";
  static final String MODULE = "devstack";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private InfraProcess() {}

  static Path classpathFile(StackSettings settings) {
    return settings.repoRoot().resolve(MODULE).resolve("target/classpath.txt");
  }

  /** Starts the process and returns the endpoints it published in {@code infra.json}. */
  static InfraEndpoints start(StackSettings settings) {
    stopLeftoverPostgres(settings);
    Path infraDir = settings.infraDir();
    String classpath = settings.repoRoot().resolve(MODULE).resolve("target/classes") + ":"
        + read(classpathFile(settings)).trim();
    StackPorts ports = settings.ports();
    List<String> command = List.of(JavaCommand.path(), "-Xmx512m",
        JavaCommand.QUICK_START_JIT, "-cp", classpath,
        "io.featureviz.devstack.Main", "infra", "--state", infraDir.toString(),
        "--kafka-port", Integer.toString(ports.kafka()), "--s3-port", Integer.toString(ports.s3()),
        "--postgres-port", Integer.toString(ports.postgres()));
    Path log = settings.logFile(NAME);
    long pid = DetachedProcess.start(command, Map.of(), settings.repoRoot(), log,
        settings.pidFile(NAME));
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow(
        () -> new StackStartException(NAME + " exited at once; see " + log));
    // infra.json of an earlier run may still be there (after a kill -9): only our PID counts.
    Readiness.await(NAME, process, log, START_TIMEOUT, () -> InfraEndpoints.read(infraDir)
        .filter(e -> e.pid() == pid).isPresent());
    return InfraEndpoints.read(infraDir).orElseThrow();
  }

  /** Whether the infra process of that PID has published its endpoints (and not yet withdrawn them). */
  static boolean isReady(StackSettings settings, long pid) {
    return InfraEndpoints.read(settings.infraDir()).filter(e -> e.pid() == pid).isPresent();
  }

  /**
   * PostgreSQL runs as a child that outlives a killed infra JVM and would hold the port and the
   * data directory; the infra process stops it itself on SIGTERM.
   */
  static void stopLeftoverPostgres(StackSettings settings) {
    DetachedProcess.readPid(settings.infraDir().resolve("postgres/postmaster.pid"))
        .flatMap(pid -> DetachedProcess.alive(pid, "postgres"))
        .ifPresent(postmaster -> DetachedProcess.stop(postmaster, Duration.ofSeconds(10)));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
