package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.deploy.Manifests.Container;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * job-api loads no model (workers describe and import them; the API reads the catalog from
 * PostgreSQL): its deployments carry none of the engine's settings or folders, and it needs less
 * memory than a worker and than while it loaded models.
 */
class ApiWithoutEngineTest {

  private static final String API = "job-api";
  private static final String WORKER = "optimizer-worker";

  /** Settings only the engine reads: the models folder, the natives' cache, TensorFlow's own. */
  private static final Pattern ENGINE_SETTING = Pattern.compile(
      "(?i).*(models[-_]dir|cache[-_]dir|tensorflow|\\bTF_).*");
  /** Folders only the engine reads or writes: model files, TensorFlow's extracted natives. */
  private static final Pattern ENGINE_FOLDER = Pattern.compile(
      "(?i).*(models|tensorflow|\\.cache/featureviz).*");

  /** What job-api requested and was limited to while it loaded TensorFlow (~400 MB natives). */
  private static final BigDecimal REQUEST_WITH_ENGINE = Quantities.kubernetes("1Gi");
  private static final long COMPOSE_LIMIT_WITH_ENGINE = Quantities.quarkusBytes("1536M");

  @Test
  void kubernetesApiHasNoEngineSettingsOrFolders() {
    int checked = 0;
    for (Container c : Manifests.containers()) {
      if (!c.name().equals(API)) {
        continue;
      }
      for (String setting : settings(c)) {
        assertFalse(ENGINE_SETTING.matcher(setting).matches(), c + ": engine setting " + setting);
      }
      List<String> folders = new ArrayList<>();
      c.spec().path("volumeMounts").forEach(m -> {
        folders.add(m.path("name").asText());
        folders.add(m.path("mountPath").asText());
      });
      c.pod().path("volumes").forEach(v -> folders.add(v.path("name").asText()));
      for (String folder : folders) {
        assertFalse(ENGINE_FOLDER.matcher(folder).matches(), c + ": engine folder " + folder);
      }
      checked++;
    }
    assertTrue(checked > 0, "no job-api container");
  }

  @Test
  void composeApiHasNoEngineSettingsOrFolders() {
    JsonNode services = Repo.documents(Repo.COMPOSE).get(0).path("services");
    ComposeTest.builtServices().forEach((name, module) -> {
      if (module.equals(API)) {
        ComposeTest.env(services.path(name)).forEach((variable, value) -> assertFalse(
            ENGINE_SETTING.matcher(variable + "=" + value).matches(),
            name + ": engine setting " + variable + "=" + value));
        for (String volume : ComposeTest.texts(services.path(name).path("volumes"))) {
          assertFalse(ENGINE_FOLDER.matcher(volume).matches(), name + ": engine folder "
              + volume);
        }
      }
    });
  }

  @Test
  void apiNeedsLessMemoryThanAWorkerAndThanWithTheEngine() {
    BigDecimal api = Quantities.kubernetes(memory(API, "requests"));
    assertTrue(api.compareTo(Quantities.kubernetes(memory(WORKER, "requests"))) < 0,
        "job-api requests as much memory as a worker");
    assertTrue(api.compareTo(REQUEST_WITH_ENGINE) < 0,
        "job-api requests as much memory as when it loaded models");
    BigDecimal limit = Quantities.kubernetes(memory(API, "limits"));
    assertTrue(limit.compareTo(Quantities.kubernetes(memory(WORKER, "limits"))) < 0,
        "job-api's memory limit is a worker's");

    JsonNode services = Repo.documents(Repo.COMPOSE).get(0).path("services");
    long apiLimit = Quantities.quarkusBytes(composeMemory(services.path(API)));
    assertTrue(apiLimit < Quantities.quarkusBytes(composeMemory(services.path(WORKER))),
        "compose job-api may use as much memory as a worker");
    assertTrue(apiLimit < COMPOSE_LIMIT_WITH_ENGINE,
        "compose job-api may use as much memory as when it loaded models");
  }

  /** Variable names and values a container gets: its env entries and its ConfigMaps' keys. */
  private static List<String> settings(Container c) {
    List<String> settings = new ArrayList<>(Manifests.envNames(c));
    c.spec().path("env").forEach(e -> settings.add(e.path("value").asText()));
    Map<String, Map<String, Set<String>>> maps = Manifests.configMaps();
    c.spec().path("envFrom").forEach(from -> maps
        .getOrDefault(from.path("configMapRef").path("name").asText(), Map.of())
        .values().forEach(settings::addAll));
    return settings;
  }

  /** The memory request or limit of a service's base Deployment. */
  private static String memory(String module, String kind) {
    Container c = KubernetesTest.baseServiceContainers().stream()
        .filter(container -> container.name().equals(module)).findFirst().orElseThrow();
    String memory = c.spec().path("resources").path(kind).path("memory").asText("");
    assertFalse(memory.isEmpty(), c + ": no memory " + kind);
    return memory;
  }

  private static String composeMemory(JsonNode service) {
    return service.path("deploy").path("resources").path("limits").path("memory").asText();
  }
}
