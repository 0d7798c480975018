package io.featureviz.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The infra process's control channel, for fault tests: an empty file named after a command,
 * created in {@code <state>/control/}, is carried out and then deleted, so its disappearance
 * says it is done. A folder in the owner-only state directory rather than a port or a signal:
 * only the user who started the process can reach it, and nothing new listens on the network.
 */
final class ControlDirectory {

  static final String NAME = "control";
  private static final long POLL_MILLIS = 200;

  private final Path dir;
  private final Map<String, Runnable> commands;

  private ControlDirectory(Path dir, Map<String, Runnable> commands) {
    this.dir = dir;
    this.commands = commands;
  }

  /** Watches {@code <stateDir>/control} on a daemon thread for the stack's commands. */
  static void watch(Path stateDir, DevStack stack) {
    Path dir = stateDir.resolve(NAME);
    try {
      Files.createDirectories(dir,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      // commands left from an earlier run are not this stack's
      try (Stream<Path> stale = Files.list(dir)) {
        for (Path file : stale.toList()) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ControlDirectory control = new ControlDirectory(dir, Map.of(
        "s3-stop", stack.s3()::stop,
        "s3-start", stack.s3()::start,
        "kafka-restart", stack.kafka()::restart));
    Thread thread = new Thread(control::run, "devstack-control");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (true) {
      try (Stream<Path> files = Files.list(dir)) {
        files.sorted().forEach(this::execute);
      } catch (IOException | RuntimeException e) {
        System.err.println("devstack control: " + e);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void execute(Path file) {
    String command = file.getFileName().toString();
    Runnable action = commands.get(command);
    try {
      if (action == null) {
        System.err.println("devstack control: unknown command " + command + ", one of "
            + commands.keySet());
      } else {
        System.err.println("devstack control: " + command);
        action.run();
      }
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
