package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.deploy.Manifests.Container;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stopping worker is given the time its own configuration takes to shut down: its render stops
 * and hands the job back, then the Kafka clients leave the group and flush. Killed earlier, the
 * job is only handed over once the group's session times out, and status events are lost.
 */
class WorkerShutdownTest {

  private static final String WORKER = "optimizer-worker";

  /** The Kafka clients' close after the renders stopped: their default close timeout. */
  private static final Duration KAFKA_CLOSE = Duration.ofSeconds(30);

  @Test
  void podGracePeriodCoversTheWorkersShutdown() {
    List<Container> workers = Manifests.containers().stream()
        .filter(c -> c.name().equals(WORKER) && c.workload().in("base")).toList();
    assertFalse(workers.isEmpty());
    for (Container worker : workers) {
      JsonNode grace = worker.pod().path("terminationGracePeriodSeconds");
      assertTrue(grace.isInt(), worker + ": Kubernetes' default grace period of 30 s");
      assertCovers(worker.toString(), Duration.ofSeconds(grace.asInt()));
    }
  }

  @Test
  void composeStopGracePeriodCoversTheWorkersShutdown() {
    JsonNode services = Repo.documents(Repo.COMPOSE).get(0).path("services");
    Map<String, String> built = ComposeTest.builtServices();
    assertTrue(built.containsValue(WORKER));
    built.forEach((name, module) -> {
      if (module.equals(WORKER)) {
        String grace = services.path(name).path("stop_grace_period").asText();
        assertFalse(grace.isEmpty(), "compose " + name + ": compose's default grace of 10 s");
        assertCovers("compose " + name, Quantities.compose(grace));
      }
    });
  }

  /** What the worker takes to stop: the HTTP drain, the hand-back, the clients' close. */
  private static Duration shutdown() {
    Service worker = Service.of(WORKER);
    Duration drain = worker.value("quarkus.shutdown.timeout")
        .map(Quantities::quarkusDuration).orElse(Duration.ZERO);
    Duration handBack = Quantities.quarkusDuration(
        worker.value("fv.worker.jobs.shutdown-timeout").orElseThrow());
    return drain.plus(handBack).plus(KAFKA_CLOSE);
  }

  private static void assertCovers(String where, Duration grace) {
    assertTrue(grace.compareTo(shutdown()) >= 0,
        where + ": grace " + grace + " is shorter than the worker's shutdown " + shutdown());
  }
}
