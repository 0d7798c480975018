package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.deploy.Manifests.Container;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sweep of a whole model is one request (#11): job-api's {@code fv.api.sweeps.max-channels},
 * by default and wherever a deployment sets it, admits every layer of each built-in model.
 */
class SweepLimitsTest {

  private static final String MAX_CHANNELS = "fv.api.sweeps.max-channels";
  /**
   * The channels of mobilenet_v2's 65 layers ({@code ./fv layers mobilenet_v2}), the largest
   * built-in model (inception_v3 has 3136): deploy-check does not load models.
   */
  private static final int LARGEST_BUILT_IN_MODEL_CHANNELS = 21130;

  @Test
  void everyLayerOfEachBuiltInModelFitsInOneSweep() {
    List<String> limits = new ArrayList<>();
    limits.add("default " + Service.of("job-api").value(MAX_CHANNELS).orElseThrow());
    JsonNode services = Repo.documents(Repo.COMPOSE).get(0).path("services");
    ComposeTest.builtServices().forEach((name, module) -> {
      String set = ComposeTest.env(services.path(name)).get(Service.env(MAX_CHANNELS));
      if (module.equals("job-api") && set != null) {
        limits.add("compose " + name + " " + set);
      }
    });
    for (Container c : Manifests.containers()) {
      if (c.name().equals("job-api")) {
        Manifests.values(c, Service.env(MAX_CHANNELS)).forEach(v -> limits.add(c + " " + v));
      }
    }
    for (String limit : limits) {
      int channels = Integer.parseInt(limit.substring(limit.lastIndexOf(' ') + 1));
      assertTrue(channels >= LARGEST_BUILT_IN_MODEL_CHANNELS, limit + ": a sweep of all "
          + LARGEST_BUILT_IN_MODEL_CHANNELS + " channels of mobilenet_v2 would be refused");
    }
  }
}
