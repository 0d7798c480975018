package io.featureviz.worker.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.worker.jobs.JobConsumer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A worker configured for the GPU on a machine where TensorFlow has none (the CPU natives of the
 * tests, and whatever CUDA libraries this machine lacks) stays unready and takes no jobs.
 */
@QuarkusTest
@TestProfile(GpuRefusalTest.GpuDevice.class)
@WithTestResource(DevStackTestResource.class)
class GpuRefusalTest {

  private static final String CHECK = "checks.find { it.name == 'fv-render-device' }";

  public static class GpuDevice implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("fv.worker.device", "gpu");
    }
  }

  @Inject
  JobConsumer consumer;

  @Test
  void aGpuWorkerWithoutAGpuIsNotReadySaysWhatIsMissingAndTakesNoJobs() {
    String problem = given().get("/q/health/ready").then().statusCode(503)
        .body(CHECK + ".status", is("DOWN"))
        .body(CHECK + ".data.device", is("gpu"))
        .body(CHECK + ".data.problem", containsString("TensorFlow sees no GPU"))
        .extract().path(CHECK + ".data.problem");
    List<String> missing = CudaLibraries.missing(CudaLibraries.linkerPath(
        Optional.ofNullable(System.getenv("LD_LIBRARY_PATH")), Path.of("/etc/ld.so.conf")));
    missing.forEach(library -> assertTrue(problem.contains(library), problem));

    given().get("/q/health/live").then().statusCode(200);
    assertFalse(consumer.isConsuming());
    assertTrue(consumer.assigned().isEmpty());
  }
}
