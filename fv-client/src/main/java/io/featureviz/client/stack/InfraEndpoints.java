package io.featureviz.client.stack;

import com.fasterxml.jackson.core.type.TypeReference;
import io.featureviz.client.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the infra process publishes in {@code infra.json}: its PID and the services' settings. */
public record InfraEndpoints(long pid, Map<String, String> properties) {

  /** The keys that configure a service (devstack's {@code DevStack.properties()}). */
  private static final List<String> SERVICE_KEYS = List.of("kafka.bootstrap.servers",
      "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
      "fv.storage.endpoint", "fv.storage.access-key", "fv.storage.secret-key",
      "fv.storage.bucket", "fv.storage.region");

  public static Path file(Path infraDir) {
    return infraDir.resolve("infra.json");
  }

  /** The file's content; empty while it is missing or still being written. */
  public static Optional<InfraEndpoints> read(Path infraDir) {
    try {
      Map<String, Object> json = Json.mapper().readValue(file(infraDir).toFile(),
          new TypeReference<Map<String, Object>>() {});
      Map<String, String> properties = new LinkedHashMap<>();
      for (String key : SERVICE_KEYS) {
        properties.put(key, String.valueOf(json.get(key)));
      }
      return Optional.of(new InfraEndpoints(((Number) json.get("pid")).longValue(), properties));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public String kafkaBootstrapServers() {
    return properties.get("kafka.bootstrap.servers");
  }

  /**
   * The settings as environment variables (MicroProfile Config's mapping: upper case, every other
   * character '_'), so credentials never appear on a command line.
   */
  public Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    properties.forEach((key, value) ->
        environment.put(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
    return environment;
  }
}
