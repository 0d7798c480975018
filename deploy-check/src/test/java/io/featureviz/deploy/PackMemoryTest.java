package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.deploy.Manifests.Container;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A worker's memory is sized for the largest render job-api admits
 * ({@code fv.limits.render-memory}); a pack of jobs ({@code fv.worker.pack-memory}) must not
 * need more, nor may a pack hold more images than the engine takes.
 */
class PackMemoryTest {

  private static final String WORKER = "optimizer-worker";
  private static final String PACK_MEMORY = Service.env("fv.worker.pack-memory");
  private static final String MAX_BATCH = Service.env("fv.worker.max-batch");
  /** optvis' {@code RenderSpec.MAX_BATCH}: deploy-check does not depend on the engine. */
  private static final int ENGINE_MAX_BATCH = 64;

  @Test
  void composeWorkersPackWithinTheRenderBudget() {
    JsonNode services = Repo.documents(Repo.COMPOSE).get(0).path("services");
    String renderBudget = renderBudget(ComposeTest.builtServices().entrySet().stream()
        .filter(e -> e.getValue().equals("job-api"))
        .map(e -> ComposeTest.env(services.path(e.getKey())))
        .findFirst().orElseThrow());
    ComposeTest.builtServices().forEach((name, module) -> {
      if (module.equals(WORKER)) {
        Map<String, String> env = ComposeTest.env(services.path(name));
        assertWithin("compose " + name, value(env.get(PACK_MEMORY), "fv.worker.pack-memory"),
            renderBudget);
        assertMaxBatch("compose " + name, value(env.get(MAX_BATCH), "fv.worker.max-batch"));
      }
    });
  }

  @Test
  void kubernetesWorkersPackWithinTheRenderBudget() {
    Set<String> renderBudgets = new TreeSet<>();
    Manifests.containers().stream().filter(c -> c.name().equals("job-api"))
        .forEach(c -> renderBudgets.addAll(
            Manifests.values(c, Service.env("fv.limits.render-memory"))));
    if (renderBudgets.isEmpty()) {
      renderBudgets.add(renderBudget(Map.of()));
    }
    int checked = 0;
    for (Container c : Manifests.containers()) {
      if (c.name().equals(WORKER)) {
        // a patch (an overlay's container) may leave them to the base, or to the defaults
        orDefault(Manifests.values(c, PACK_MEMORY), "fv.worker.pack-memory")
            .forEach(pack -> renderBudgets.forEach(budget -> assertWithin(c.toString(), pack,
                budget)));
        orDefault(Manifests.values(c, MAX_BATCH), "fv.worker.max-batch")
            .forEach(max -> assertMaxBatch(c.toString(), max));
        checked++;
      }
    }
    assertTrue(checked > 0, "no worker");
  }

  /** job-api's fv.limits.render-memory: its environment's, else its configuration's. */
  private static String renderBudget(Map<String, String> apiEnv) {
    return apiEnv.getOrDefault(Service.env("fv.limits.render-memory"),
        Service.of("job-api").value("fv.limits.render-memory").orElseThrow());
  }

  private static Set<String> orDefault(Set<String> values, String key) {
    return values.isEmpty() ? Set.of(value(null, key)) : values;
  }

  private static String value(String set, String key) {
    return set != null ? set : Service.of(WORKER).value(key).orElseThrow();
  }

  private static void assertWithin(String where, String pack, String renderBudget) {
    assertTrue(Quantities.quarkusBytes(pack) <= Quantities.quarkusBytes(renderBudget),
        where + ": " + PACK_MEMORY + "=" + pack + " above job-api's fv.limits.render-memory "
            + renderBudget + ", which sizes the worker's memory");
  }

  private static void assertMaxBatch(String where, String maxBatch) {
    int n = Integer.parseInt(maxBatch);
    assertTrue(n >= 1 && n <= ENGINE_MAX_BATCH, where + ": " + MAX_BATCH + "=" + n);
  }
}
