package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.featureviz.deploy.Manifests.Container;
import io.featureviz.deploy.Manifests.Manifest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Pods under node pressure and drains: each service has a disruption budget that lets a drain go
 * on one pod at a time, and every pod says how much local disk it uses, so that a full node
 * evicts the pod that overran its own limit rather than any.
 */
class EvictionTest {

  private static final String EPHEMERAL = "ephemeral-storage";

  @Test
  void everyServiceHasABudgetThatLetsADrainProceed() {
    List<Manifest> budgets = Manifests.ofKind("PodDisruptionBudget");
    for (Container c : KubernetesTest.baseServiceContainers()) {
      JsonNode labels = c.workload().doc().path("spec").path("template").path("metadata")
          .path("labels");
      List<Manifest> selecting = budgets.stream().filter(b -> selects(b, labels)).toList();
      assertEquals(1, selecting.size(), c.workload() + ": disruption budgets " + selecting);
      JsonNode spec = selecting.get(0).doc().path("spec");
      if (spec.has("minAvailable")) {
        JsonNode replicas = c.workload().doc().path("spec").path("replicas");
        assertTrue(replicas.isInt() && spec.path("minAvailable").asInt() < replicas.asInt(),
            selecting.get(0) + ": minAvailable leaves no pod of " + c.workload() + " to evict");
      } else {
        assertTrue(spec.path("maxUnavailable").asInt() >= 1,
            selecting.get(0) + ": maxUnavailable blocks every drain");
      }
    }
  }

  /**
   * Requests and limits of ephemeral storage on every container; the emptyDirs it writes have a
   * size limit, and the container's limit covers them (the kubelet counts them to the pod).
   */
  @Test
  void everyPodBoundsItsLocalDisk() {
    int checked = 0;
    for (Container c : Manifests.containers()) {
      if (c.workload().in("components")) {
        continue; // patches, merged onto base's containers
      }
      JsonNode resources = c.spec().path("resources");
      String request = resources.path("requests").path(EPHEMERAL).asText("");
      String limit = resources.path("limits").path(EPHEMERAL).asText("");
      assertFalse(request.isEmpty() || limit.isEmpty(), c + ": no " + EPHEMERAL
          + " request and limit");
      BigDecimal bound = Quantities.kubernetes(limit);
      assertTrue(Quantities.kubernetes(request).compareTo(bound) <= 0, c + ": request > limit");

      BigDecimal emptyDirs = BigDecimal.ZERO;
      Map<String, JsonNode> volumes = new HashMap<>();
      c.pod().path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
      for (String written : writtenVolumes(c)) {
        JsonNode emptyDir = volumes.getOrDefault(written, MissingNode.getInstance())
            .path("emptyDir");
        if (emptyDir.isObject()) {
          String size = emptyDir.path("sizeLimit").asText("");
          assertFalse(size.isEmpty(), c + ": emptyDir " + written + " without sizeLimit");
          emptyDirs = emptyDirs.add(Quantities.kubernetes(size));
        }
      }
      assertTrue(emptyDirs.compareTo(bound) <= 0, c + ": its emptyDirs may hold " + emptyDirs
          + " bytes, more than its " + EPHEMERAL + " limit " + limit);
      checked++;
    }
    assertTrue(checked > 0);
  }

  private static Set<String> writtenVolumes(Container c) {
    Set<String> names = new TreeSet<>();
    c.spec().path("volumeMounts").forEach(m -> {
      if (!m.path("readOnly").asBoolean(false)) {
        names.add(m.path("name").asText());
      }
    });
    return names;
  }

  private static boolean selects(Manifest budget, JsonNode podLabels) {
    JsonNode match = budget.doc().path("spec").path("selector").path("matchLabels");
    boolean[] all = {match.size() > 0};
    match.fields().forEachRemaining(l ->
        all[0] &= podLabels.path(l.getKey()).asText().equals(l.getValue().asText()));
    return all[0];
  }
}
