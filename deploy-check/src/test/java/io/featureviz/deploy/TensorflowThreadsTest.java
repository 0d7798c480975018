package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.deploy.Manifests.Container;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TensorFlow sizes its thread pools to the machine's cores unless told: wherever a worker has a
 * CPU limit, it is told a thread count within that limit, or a 4-core pod on a 64-core node runs
 * 64 threads, throttled.
 */
class TensorflowThreadsTest {

  private static final String WORKER = "optimizer-worker";
  private static final String THREADS = Service.env("fv.worker.tensorflow-threads");

  @Test
  void composeWorkersUseAtMostTheirCpuLimit() {
    JsonNode services = Repo.documents(Repo.COMPOSE).get(0).path("services");
    ComposeTest.builtServices().forEach((name, module) -> {
      JsonNode cpus = services.path(name).path("deploy").path("resources").path("limits")
          .path("cpus");
      if (module.equals(WORKER) && !cpus.isMissingNode()) {
        String threads = ComposeTest.env(services.path(name)).get(THREADS);
        assertNotNull(threads,
            "compose " + name + ": cpus " + cpus.asText() + " but no " + THREADS);
        assertWithin("compose " + name, threads, new BigDecimal(cpus.asText()));
      }
    });
  }

  @Test
  void kubernetesWorkersUseAtMostTheirCpuLimit() {
    int checked = 0;
    for (Container c : Manifests.containers()) {
      JsonNode cpu = c.spec().path("resources").path("limits").path("cpu");
      if (c.name().equals(WORKER) && !cpu.isMissingNode()) {
        Set<String> values = Manifests.values(c, THREADS);
        assertFalse(values.isEmpty(), c + ": CPU limit " + cpu.asText() + " but no " + THREADS);
        values.forEach(v -> assertWithin(c.toString(), v, Quantities.kubernetes(cpu.asText())));
        checked++;
      }
    }
    assertTrue(checked > 0, "no worker with a CPU limit");
  }

  private static void assertWithin(String where, String threads, BigDecimal cpuLimit) {
    int n = Integer.parseInt(threads);
    assertTrue(n >= 1 && BigDecimal.valueOf(n).compareTo(cpuLimit) <= 0,
        where + ": " + THREADS + "=" + n + " for a CPU limit of " + cpuLimit);
  }
}
