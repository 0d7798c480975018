package io.featureviz.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the stack, publishes its endpoints in {@code infra.json} and on stdout, and runs until SIGTERM. */
@Command(name = "infra", mixinStandardHelpOptions = true,
    description = "Runs Kafka, the S3 object store and PostgreSQL until terminated.")
final class InfraCommand implements Callable<Integer> {

  @Option(names = "--state", required = true, description = "Directory for data and infra.json.")
  Path stateDir;

  @Option(names = "--kafka-port", defaultValue = "${env:FV_KAFKA_PORT:-9092}", description = "Default: ${DEFAULT-VALUE}.")
  int kafkaPort;

  @Option(names = "--s3-port", defaultValue = "${env:FV_S3_PORT:-9000}", description = "Default: ${DEFAULT-VALUE}.")
  int s3Port;

  @Option(names = "--postgres-port", defaultValue = "${env:FV_POSTGRES_PORT:-5432}",
      description = "Default: ${DEFAULT-VALUE}; a free one if it is taken (a system PostgreSQL often is).")
  int postgresPort;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    requireFree("--kafka-port / FV_KAFKA_PORT", kafkaPort);
    requireFree("--s3-port / FV_S3_PORT", s3Port);
    Map<String, Object> ready = new LinkedHashMap<>();
    int postgres = postgresPort;
    if (postgresPort != 0 && !FreePort.isFree(postgresPort)) {
      postgres = 0;
      ready.put("notice", "PostgreSQL port " + postgresPort + " is taken; using a free one");
    }
    Files.createDirectories(stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

    DevStack stack = DevStack.start(stateDir, new DevStack.Ports(kafkaPort, s3Port, postgres));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack, stopped), "devstack-shutdown"));

    ControlDirectory.watch(stateDir, stack);

    ready.put("status", "ready");
    ready.put("pid", ProcessHandle.current().pid());
    ready.put("startMillis", (System.nanoTime() - started) / 1_000_000);
    ready.putAll(stack.properties());
    InfraFile.write(stateDir, ready);
    System.out.println(InfraFile.json(ready));
    System.out.flush();
    stopped.await();
    return 0;
  }

  private void stop(DevStack stack, CountDownLatch stopped) {
    try {
      InfraFile.delete(stateDir);
      stack.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      stopped.countDown();
    }
  }

  private static void requireFree(String option, int port) {
    if (port != 0 && !FreePort.isFree(port)) {
      throw new IllegalStateException("port " + port + " is taken; choose another with " + option);
    }
  }
}
