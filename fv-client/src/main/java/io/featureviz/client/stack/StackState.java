package io.featureviz.client.stack;

import io.featureviz.client.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * What {@code up} started, as written to {@code stack.json}: where the API is, its key, and
 * each component. The file is readable by its owner only, since it holds the key.
 *
 * @param apiKey the development key job-api accepts (tenant {@code local})
 * @param components in start order; {@code url} of the infra is its {@code infra.json}
 */
public record StackState(String apiUrl, String apiKey, String kafkaBootstrapServers,
    double upSeconds, List<Component> components) {

  /** One started process. {@code healthUrl} is null for the infra process. */
  public record Component(String name, long pid, String url, String healthUrl, String log) {}

  public Component component(String name) {
    return components.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no component " + name));
  }

  /** The same stack with {@code replacement} in place of the component of its name. */
  StackState withComponent(Component replacement) {
    List<Component> replaced = components.stream()
        .map(c -> c.name().equals(replacement.name()) ? replacement : c).toList();
    return new StackState(apiUrl, apiKey, kafkaBootstrapServers, upSeconds, replaced);
  }

  void write(Path file) {
    try {
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(temp);
      // created owner-only, so the key is never readable by others, not even for a moment
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
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

  /** The stack started with {@code stateDir} as its state directory, if one was. */
  public static Optional<StackState> inStateDir(Path stateDir) {
    return read(stateDir.resolve("stack.json"));
  }
}
