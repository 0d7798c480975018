package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml against the services' configuration and the contracts. */
class ComposeTest {

  private static final JsonNode SERVICES = Repo.documents(Repo.COMPOSE).get(0).path("services");

  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");

  /** Folders beside the repository the services read, by the variable saying where. */
  private static final Map<String, String> SHARED_FOLDERS = Map.of(
      "FV_MODELS_DIR", "../shared/models", "FV_DATASETS_BUILTIN_PHOTOS", "../shared/images");

  @Test
  void everyModuleIsBuiltAndEveryBuildIsAModule() {
    Set<String> built = new TreeSet<>(builtServices().values());
    assertEquals(new TreeSet<>(Service.MODULES), built, "modules built by compose");
  }

  @Test
  void environmentNamesAreReadByTheirService() {
    builtServices().forEach((name, module) -> {
      Set<String> known = Service.of(module).envNames();
      for (String variable : env(SERVICES.path(name)).keySet()) {
        assertTrue(known.contains(variable),
            name + " sets " + variable + ", which " + module + " does not read");
      }
    });
  }

  @Test
  void machineLocalDefaultsAreOverridden() {
    builtServices().forEach((name, module) -> {
      Map<String, String> env = env(SERVICES.path(name));
      for (String key : Service.of(module).machineLocalKeys()) {
        assertTrue(env.containsKey(Service.env(key)),
            name + " must set " + Service.env(key) + ": the default of " + key
                + " only works on a developer's machine");
      }
    });
  }

  @Test
  void credentialsComeFromTheEnvFile() {
    Set<String> documented = envExample().keySet();
    SERVICES.fields().forEachRemaining(service -> env(service.getValue()).forEach((k, v) -> {
      if (Service.isCredential(k)) {
        assertTrue(v.startsWith("${"), service.getKey() + ": " + k + " is not taken from .env");
      }
    }));
    Matcher reference = INTERPOLATION.matcher(Repo.read(Repo.COMPOSE));
    while (reference.find()) {
      assertTrue(documented.contains(reference.group(1)),
          "${" + reference.group(1) + "} is not in .env.example");
    }
  }

  @Test
  void portsAndHealthChecksUseTheHttpPort() {
    builtServices().forEach((name, module) -> {
      JsonNode service = SERVICES.path(name);
      int port = Service.of(module).httpPort();
      for (JsonNode mapping : service.path("ports")) {
        String published = mapping.asText();
        assertEquals(String.valueOf(port), published.substring(published.lastIndexOf(':') + 1),
            name + " publishes " + published);
      }
      assertTrue(String.join(" ", texts(service.path("healthcheck").path("test")))
              .contains("http://localhost:" + port + "/q/health/ready"),
          name + ": health check is not /q/health/ready on " + port);
    });
  }

  @Test
  void dependenciesWaitForHealthOrCompletion() {
    SERVICES.fields().forEachRemaining(service -> service.getValue().path("depends_on").fields()
        .forEachRemaining(dependency -> {
          JsonNode target = SERVICES.path(dependency.getKey());
          String condition = dependency.getValue().path("condition").asText();
          String edge = service.getKey() + " -> " + dependency.getKey();
          assertTrue(target.isObject(), edge + ": no such service");
          switch (condition) {
            case "service_healthy" ->
                assertTrue(target.has("healthcheck"), edge + ": target has no health check");
            case "service_completed_successfully" ->
                assertEquals("no", target.path("restart").asText(), edge + ": not a one-off");
            default -> throw new AssertionError(edge + ": condition " + condition);
          }
        }));
  }

  @Test
  void endpointsAreServicesStartedBefore() {
    builtServices().forEach((name, module) -> env(SERVICES.path(name)).forEach((k, v) -> {
      String host = switch (k) {
        case "KAFKA_BOOTSTRAP_SERVERS" -> v.substring(0, v.indexOf(':'));
        case "FV_STORAGE_ENDPOINT" -> URI.create(v).getHost();
        case "QUARKUS_DATASOURCE_JDBC_URL" -> URI.create(v.substring("jdbc:".length())).getHost();
        default -> null;
      };
      if (host != null) {
        assertTrue(startedBefore(name).contains(host), name + " uses " + host + " (" + k
            + ") without depending on it");
      }
    }));
  }

  @Test
  void sharedFoldersAreMountedWhereTheServiceLooks() {
    builtServices().forEach((name, module) -> SHARED_FOLDERS.forEach((variable, folder) -> {
      String dir = env(SERVICES.path(name)).get(variable);
      if (dir != null) {
        assertTrue(texts(SERVICES.path(name).path("volumes")).contains(folder + ":" + dir + ":ro"),
            name + ": " + folder + " not mounted at " + dir + " (" + variable + ")");
      }
    }));
  }

  @Test
  void kafkaMatchesTheClientsAndTheFrameSize() {
    JsonNode kafka = SERVICES.path("kafka");
    Map<String, String> env = env(kafka);
    Broker.assertFitsTheServices("compose kafka", kafka.path("image").asText(),
        env.get("KAFKA_MESSAGE_MAX_BYTES"), env.get("KAFKA_NUM_PARTITIONS"));
    assertEquals(kafka.path("image").asText(), SERVICES.path("kafka-init").path("image").asText());
  }

  @Test
  void initServicesCreateTheTopicsAndTheBucket() {
    Map<String, String> topics = env(SERVICES.path("kafka-init"));
    Broker.assertCreatesTheTopics("kafka-init", topics.get("TOPICS"), topics.get("PARTITIONS"));
    String bucket = env(SERVICES.path("minio-init")).get("BUCKET");
    for (String module : new String[] {"job-api", "storage-sink"}) {
      assertEquals(Service.of(module).value("fv.storage.bucket").orElseThrow(), bucket, module);
    }
    for (String init : new String[] {"kafka-init", "minio-init"}) {
      for (String volume : texts(SERVICES.path(init).path("volumes"))) {
        Path script = Repo.ROOT.resolve(volume.substring(0, volume.indexOf(':')));
        assertTrue(Files.isRegularFile(script), init + " mounts missing " + script);
      }
    }
  }

  @Test
  void gpuProfileRunsTheCudaBuildOnAnNvidiaDevice() {
    JsonNode gpu = SERVICES.path("optimizer-worker-gpu");
    assertEquals("optimizer-worker", builtServices().get("optimizer-worker-gpu"));
    assertTrue(texts(gpu.path("profiles")).contains("gpu"));
    assertEquals("gpu", env(gpu).get("FV_WORKER_DEVICE"));
    assertTrue(gpu.path("build").path("dockerfile").asText().endsWith("Dockerfile.gpu"));
    JsonNode device = gpu.path("deploy").path("resources").path("reservations").path("devices")
        .path(0);
    assertEquals("nvidia", device.path("driver").asText());
    assertTrue(texts(device.path("capabilities")).contains("gpu"));
  }

  /**
   * Long-running services come back after a crash or a reboot; the one-off init services, which
   * others wait on to complete, run once.
   */
  @Test
  void longRunningServicesRestartAndOneOffsDoNot() {
    Set<String> oneOffs = new TreeSet<>();
    SERVICES.forEach(service -> service.path("depends_on").fields().forEachRemaining(d -> {
      if (d.getValue().path("condition").asText().equals("service_completed_successfully")) {
        oneOffs.add(d.getKey());
      }
    }));
    SERVICES.fields().forEachRemaining(service -> {
      String restart = service.getValue().path("restart").asText();
      if (oneOffs.contains(service.getKey())) {
        assertEquals("no", restart, service.getKey() + " is a one-off");
      } else {
        assertTrue(Set.of("unless-stopped", "always", "on-failure").contains(restart),
            service.getKey() + ": restart \"" + restart + "\" never brings it back");
      }
    });
  }

  /**
   * Docker restarts a container whose process ended, not an unhealthy one: a worker whose
   * liveness answers DOWN stops itself from its health check, so that its restart policy acts.
   */
  @Test
  void workersWhoseLivenessFailsStopThemselves() {
    builtServices().forEach((name, module) -> {
      if (module.equals("optimizer-worker")) {
        String check = String.join(" ", texts(SERVICES.path(name).path("healthcheck")
            .path("test")));
        int port = Service.of(module).httpPort();
        assertTrue(check.contains("http://localhost:" + port + "/q/health/live")
            && check.contains("kill 1"), name + ": liveness DOWN does not end the container");
      }
    });
  }

  /** The example credentials of .env stay off the network: ports on the loopback only. */
  @Test
  void portsArePublishedOnTheLoopbackOnly() {
    SERVICES.fields().forEachRemaining(service -> {
      for (String mapping : texts(service.getValue().path("ports"))) {
        assertTrue(mapping.startsWith("127.0.0.1:"),
            service.getKey() + " publishes " + mapping + " on every interface");
      }
    });
  }

  /** Compose service name to the module whose folder is its build context. */
  static Map<String, String> builtServices() {
    Map<String, String> built = new LinkedHashMap<>();
    SERVICES.fields().forEachRemaining(service -> {
      JsonNode build = service.getValue().path("build");
      if (!build.isMissingNode()) {
        Path context = Repo.ROOT.resolve(build.path("context").asText()).normalize();
        built.put(service.getKey(), Repo.ROOT.relativize(context).toString());
      }
    });
    return built;
  }

  /** The environment of a service, in either of compose's forms (map or KEY=value list). */
  static Map<String, String> env(JsonNode service) {
    Map<String, String> env = new TreeMap<>();
    JsonNode environment = service.path("environment");
    if (environment.isArray()) {
      for (String entry : texts(environment)) {
        int eq = entry.indexOf('=');
        env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
      }
    } else {
      environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    }
    return env;
  }

  private static Set<String> startedBefore(String name) {
    Set<String> seen = new HashSet<>();
    ArrayDeque<String> queue = new ArrayDeque<>(Set.of(name));
    while (!queue.isEmpty()) {
      for (Iterator<String> it = SERVICES.path(queue.pop()).path("depends_on").fieldNames();
          it.hasNext(); ) {
        String dependency = it.next();
        if (seen.add(dependency)) {
          queue.add(dependency);
        }
      }
    }
    return seen;
  }

  private static Map<String, String> envExample() {
    Map<String, String> env = new TreeMap<>();
    for (String line : Repo.read(Repo.ROOT.resolve(".env.example")).split("\n")) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return env;
  }

  /** The texts of a YAML sequence (or of a single scalar). */
  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
