package io.featureviz.client.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** OS processes that outlive the client: started in a session of their own, known by PID file. */
public final class DetachedProcess {

  private DetachedProcess() {}

  /**
   * Starts {@code command} with its output appended to {@code log} and writes its PID.
   * {@code setsid} puts it in a new session, so a Ctrl-C in the client's terminal does not reach
   * it; it execs the command in place (the child is no group leader), so the PID is the JVM's.
   */
  public static long start(List<String> command, Map<String, String> environment, Path workDir,
      Path log, Path pidFile) {
    List<String> detached = new ArrayList<>();
    detached.add("setsid");
    detached.addAll(command);
    try {
      Files.createDirectories(log.getParent());
      Files.createDirectories(pidFile.getParent());
      ProcessBuilder builder = new ProcessBuilder(detached).directory(workDir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectErrorStream(true);
      builder.environment().putAll(environment);
      long pid = builder.start().pid();
      Files.writeString(pidFile, pid + "\n");
      return pid;
    } catch (IOException e) {
      throw new StackStartException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  /** The PID on the file's first line (PostgreSQL's postmaster.pid has more), if the file exists. */
  public static Optional<Long> readPid(Path pidFile) {
    try {
      return Files.exists(pidFile)
          ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The live process of that PID, if it still runs {@code executable}: a PID file left by a
   * crash may name a PID the system has since given to someone else's process.
   */
  public static Optional<ProcessHandle> alive(long pid, String executable) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("/" + executable)).orElse(false));
  }

  /** SIGTERM, then SIGKILL after {@code grace}; true if it had to be killed. */
  public static boolean stop(ProcessHandle process, Duration grace) {
    process.destroy();
    if (awaitExit(process, grace)) {
      return false;
    }
    process.destroyForcibly();
    awaitExit(process, Duration.ofSeconds(10));
    return true;
  }

  static void deletePidFile(Path pidFile) {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
