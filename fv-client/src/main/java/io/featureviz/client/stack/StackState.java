package io.featureviz.client.stack;

import io.featureviz.client.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * What {@code up} started, as written to {@code stack.json}: where the API is and each component.
 *
 * @param components in start order; {@code url} of the infra is its {@code infra.json}
 */
public record StackState(String apiUrl, String kafkaBootstrapServers, double upSeconds,
    List<Component> components) {

  /** One started process. {@code healthUrl} is null for the infra process. */
  public record Component(String name, long pid, String url, String healthUrl, String log) {}

  public Component component(String name) {
    return components.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no component " + name));
  }

  void write(Path file) {
    try {
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temp, Json.write(this, false));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Optional<StackState> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().readValue(file.toFile(), StackState.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The API URL of the stack whose state dir is {@code stateDir}, if one was started there. */
  public static Optional<String> apiUrl(Path stateDir) {
    return read(stateDir.resolve("stack.json")).map(StackState::apiUrl);
  }
}
