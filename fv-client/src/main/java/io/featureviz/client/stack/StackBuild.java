package io.featureviz.client.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds the modules whose runnable output is missing, with Maven from the repository root. */
final class StackBuild {

  private StackBuild() {}

  static void ensureBuilt(StackSettings settings, Consumer<String> progress) {
    List<String> missing = new ArrayList<>();
    if (!Files.exists(InfraProcess.classpathFile(settings))) {
      missing.add(InfraProcess.MODULE);
    }
    for (Service service : Service.values()) {
      if (!Files.exists(service.jar(settings))) {
        missing.add(service.module());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Path log = settings.logFile("build");
    progress.accept("building " + String.join(", ", missing) + " (mvn package; log " + log + ")");
    List<String> command = List.of("mvn", "-B", "-q", "-ntp", "-DskipTests", "package", "-pl",
        String.join(",", missing), "-am");
    try {
      Files.createDirectories(log.getParent());
      int exit = new ProcessBuilder(command).directory(settings.repoRoot().toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
      if (exit != 0) {
        throw new StackStartException("the build failed (exit " + exit + "); see " + log);
      }
    } catch (IOException e) {
      throw new StackStartException("cannot run mvn: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackStartException("interrupted while building", e);
    }
  }
}
