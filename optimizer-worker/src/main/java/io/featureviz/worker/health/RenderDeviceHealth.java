package io.featureviz.worker.health;

import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.engine.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the engine can render on the configured device: a worker configured for the
 * GPU that TensorFlow cannot use stays out of service, with the reason, and takes no jobs
 * ({@code JobConsumer}), rather than rendering on the CPU unnoticed. Liveness stays UP: a
 * restart does not install a missing library.
 */
@Readiness
@ApplicationScoped
public class RenderDeviceHealth implements HealthCheck {

  private final Engine engine;
  private final WorkerConfig config;

  RenderDeviceHealth(Engine engine, WorkerConfig config) {
    this.engine = engine;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("fv-render-device")
        .withData("device", config.device().name().toLowerCase())
        .status(engine.deviceProblem().isEmpty());
    engine.deviceProblem().ifPresent(problem -> response.withData("problem", problem));
    return response.build();
  }
}
