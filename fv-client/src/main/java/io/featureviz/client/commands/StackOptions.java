package io.featureviz.client.commands;

import io.featureviz.client.stack.LocalStack;
import io.featureviz.client.stack.StackSettings;
import io.featureviz.client.stack.StackState;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that manage the stack; run from the repository root. */
public final class StackOptions {

  @Option(names = "--state", defaultValue = ".fv",
      description = "State directory: data, logs, PIDs, stack.json (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  StackSettings settings() {
    StackSettings defaults = StackSettings.forRepository(Path.of("").toAbsolutePath());
    return new StackSettings(defaults.repoRoot(), stateDir, defaults.modelsDir(),
        defaults.ports(), defaults.workers());
  }

  LocalStack stack() {
    return new LocalStack(settings(), line -> System.err.println("fv: " + line));
  }

  /** The API of the stack started here, or the default address. */
  String apiUrl() {
    return StackState.inStateDir(stateDir).map(StackState::apiUrl)
        .orElse("http://127.0.0.1:8080");
  }

  /** The key of the stack started here, else FV_API_KEY; null when there is neither. */
  String apiKey() {
    return StackState.inStateDir(stateDir).map(StackState::apiKey)
        .orElse(System.getenv("FV_API_KEY"));
  }
}
