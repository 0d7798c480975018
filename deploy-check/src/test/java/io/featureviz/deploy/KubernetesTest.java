package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.deploy.Manifests.Container;
import io.featureviz.deploy.Manifests.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** deploy/k8s against the services' configuration and the contracts. */
class KubernetesTest {


  @Test
  void baseDeploysEveryModuleFromItsImage() {
    Set<String> deployed = new TreeSet<>();
    for (Container c : baseServiceContainers()) {
      deployed.add(c.name());
      assertEquals("featureviz/" + c.name(), c.spec().path("image").asText(), c.toString());
    }
    assertEquals(new TreeSet<>(Service.MODULES), deployed);
  }

  @Test
  void environmentNamesAreReadByTheirService() {
    for (Container c : Manifests.containers()) {
      if (Service.MODULES.contains(c.name())) {
        Set<String> known = Service.of(c.name()).envNames();
        for (String variable : Manifests.envNames(c)) {
          assertTrue(known.contains(variable),
              c + " sets " + variable + ", which " + c.name() + " does not read");
        }
      }
    }
  }

  @Test
  void machineLocalDefaultsAreOverridden() {
    for (Container c : baseServiceContainers()) {
      Set<String> env = Manifests.envNames(c);
      for (String key : Service.of(c.name()).machineLocalKeys()) {
        assertTrue(env.contains(Service.env(key)), c + " must set " + Service.env(key)
            + ": the default of " + key + " only works on a developer's machine");
      }
    }
  }

  @Test
  void credentialsComeFromTheExampleSecret() {
    JsonNode secret = Repo.documents(Repo.K8S.resolve("base/secret.example.yaml")).get(0);
    for (Container c : Manifests.containers()) {
      for (JsonNode e : c.spec().path("env")) {
        JsonNode ref = e.path("valueFrom").path("secretKeyRef");
        if (Service.isCredential(e.path("name").asText())) {
          assertTrue(ref.isObject(), c + ": " + e.path("name").asText() + " not from a Secret");
        }
        if (ref.isObject()) {
          assertEquals(secret.path("metadata").path("name").asText(), ref.path("name").asText(),
              c.toString());
          assertTrue(secret.path("stringData").has(ref.path("key").asText()),
              c + ": key " + ref.path("key").asText() + " is not in secret.example.yaml");
        }
      }
    }
    assertTrue(Manifests.ofKind("Secret").stream().allMatch(m -> m.file().getFileName()
        .toString().equals("secret.example.yaml")), "a Secret outside secret.example.yaml");
  }

  @Test
  void configMapReferencesResolve() {
    Map<String, Map<String, Set<String>>> maps = Manifests.configMaps();
    for (Container c : Manifests.containers()) {
      for (JsonNode e : c.spec().path("env")) {
        JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
        if (ref.isObject()) {
          assertTrue(maps.getOrDefault(ref.path("name").asText(), Map.of())
              .containsKey(ref.path("key").asText()), c + ": no ConfigMap key " + ref);
        }
      }
      c.spec().path("envFrom").forEach(from -> assertTrue(
          maps.containsKey(from.path("configMapRef").path("name").asText()), c + ": " + from));
      c.pod().path("volumes").forEach(v -> {
        if (v.has("configMap")) {
          assertTrue(maps.containsKey(v.path("configMap").path("name").asText()), c + ": " + v);
        }
      });
    }
  }

  @Test
  void portsProbesAndMetricsUseTheHttpPort() {
    for (Container c : baseServiceContainers()) {
      int port = Service.of(c.name()).httpPort();
      assertEquals(port, httpPort(c.spec()), c + ": containerPort http");
      assertEquals(String.valueOf(port), c.workload().doc().path("spec").path("template")
          .path("metadata").path("annotations").path("prometheus.io/port").asText(), c.toString());
      assertProbe(c, "startupProbe", "/q/health/started");
      assertProbe(c, "livenessProbe", "/q/health/live");
      assertProbe(c, "readinessProbe", "/q/health/ready");
      Manifest service = Manifests.ofKind("Service").stream()
          .filter(s -> s.name().equals(c.name())).findFirst().orElseThrow();
      for (JsonNode p : service.doc().path("spec").path("ports")) {
        String target = p.path("targetPort").asText();
        assertTrue(target.equals("http") || target.equals(String.valueOf(port)), service + ": "
            + target);
      }
      assertEquals(c.name(), service.doc().path("spec").path("selector")
          .path("app.kubernetes.io/name").asText(), service.toString());
    }
  }

  /** The models folder is a mount; each built-in dataset's folder is one or lies in one. */
  @Test
  void folderSettingsAreMountedWhereTheServiceLooks() {
    for (Container c : baseServiceContainers()) {
      Set<String> mounts = new TreeSet<>();
      c.spec().path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
      for (String variable : Manifests.envNames(c)) {
        if (variable.equals("FV_MODELS_DIR") || variable.startsWith("FV_DATASETS_BUILTIN_")) {
          String dir = Manifests.configValue(envFromMap(c), variable);
          assertTrue(mounts.stream().anyMatch(m -> dir.equals(m)
              || variable.startsWith("FV_DATASETS_BUILTIN_") && dir.startsWith(m + "/")),
              c + ": nothing mounted at " + variable + " " + dir);
        }
      }
    }
  }

  @Test
  void scaledObjectFollowsTheWorkersGroupOnTheJobsTopic() {
    List<Manifest> scaled = Manifests.ofKind("ScaledObject");
    assertEquals(1, scaled.size());
    JsonNode spec = scaled.get(0).doc().path("spec");
    Container worker = baseServiceContainers().stream()
        .filter(c -> c.name().equals("optimizer-worker")).findFirst().orElseThrow();
    assertEquals(worker.workload().name(), spec.path("scaleTargetRef").path("name").asText());

    JsonNode trigger = spec.path("triggers").path(0);
    assertEquals("kafka", trigger.path("type").asText());
    JsonNode metadata = trigger.path("metadata");
    assertEquals(Topics.JOBS, metadata.path("topic").asText(), "topic");
    Service service = Service.of("optimizer-worker");
    String group = service.value("fv.worker.jobs.group-id").orElseThrow();
    assertEquals(group, metadata.path("consumerGroup").asText(), "consumerGroup");
    assertTrue(Manifests.envNames(worker).contains(
        metadata.path("bootstrapServersFromEnv").asText()), "bootstrapServersFromEnv");

    String configMap = envFromMap(worker);
    Map<String, Set<String>> config = Manifests.configMaps().get(configMap);
    assertTrue(!config.containsKey("FV_WORKER_JOBS_GROUP_ID")
        || config.get("FV_WORKER_JOBS_GROUP_ID").equals(Set.of(group)), "group overridden");
    // One pod per lagging job at most: lag per replica is what one pod renders at once.
    String concurrency = config.containsKey("FV_WORKER_CONCURRENCY")
        ? Manifests.configValue(configMap, "FV_WORKER_CONCURRENCY")
        : service.value("fv.worker.concurrency").orElseThrow();
    assertEquals(concurrency, metadata.path("lagThreshold").asText());

    assertTrue(spec.path("maxReplicaCount").asInt() >= spec.path("minReplicaCount").asInt(1));
  }

  /**
   * An ingress in front of job-api lets through every body the API accepts: model and dataset
   * uploads up to fv.uploads.max-size, and up to the API's ceiling (quarkus.http.limits
   * .max-body-size), so that the API, not nginx's 1 MB default, refuses what is too large.
   */
  @Test
  void apiIngressLetsTheUploadsThrough() {
    Service api = Service.of("job-api");
    long uploads = Math.max(
        Quantities.quarkusBytes(api.value("fv.uploads.max-size").orElseThrow()),
        Quantities.quarkusBytes(api.value("quarkus.http.limits.max-body-size").orElseThrow()));
    List<Manifest> ingresses = Manifests.ofKind("Ingress").stream()
        .filter(i -> i.doc().findValues("service").stream()
            .anyMatch(b -> b.path("name").asText().equals("job-api"))).toList();
    assertFalse(ingresses.isEmpty(), "no Ingress routes to job-api");
    for (Manifest ingress : ingresses) {
      String limit = ingress.doc().path("metadata").path("annotations")
          .path("nginx.ingress.kubernetes.io/proxy-body-size").asText("1m");
      assertTrue(Quantities.nginxBytes(limit) >= uploads,
          ingress + ": proxy-body-size " + limit + " is below the API's " + uploads + " bytes");
    }
  }

  private static void assertProbe(Container c, String probe, String path) {
    JsonNode get = c.spec().path(probe).path("httpGet");
    assertEquals(path, get.path("path").asText(), c + ": " + probe);
    assertEquals("http", get.path("port").asText(), c + ": " + probe);
  }

  static int httpPort(JsonNode container) {
    for (JsonNode p : container.path("ports")) {
      if (p.path("name").asText().equals("http")) {
        return p.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no port named http in " + container.path("name").asText());
  }

  /** The one ConfigMap a container takes whole (envFrom). */
  private static String envFromMap(Container c) {
    return c.spec().path("envFrom").path(0).path("configMapRef").path("name").asText();
  }

  /** The services' containers of the base Deployments (not the overlays' patches). */
  static List<Container> baseServiceContainers() {
    return Manifests.containers().stream()
        .filter(c -> c.workload().in("base") && c.workload().kind().equals("Deployment"))
        .filter(c -> Service.MODULES.contains(c.name())).toList();
  }
}
