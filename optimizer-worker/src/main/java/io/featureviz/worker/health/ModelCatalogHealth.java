package io.featureviz.worker.health;

import io.featureviz.worker.models.BuiltInCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the built-in models' catalog entries are stored in Kafka ({@link BuiltInCatalog}):
 * until then the job API may not know their layers yet.
 */
@Readiness
@ApplicationScoped
public class ModelCatalogHealth implements HealthCheck {

  private final BuiltInCatalog builtIns;

  ModelCatalogHealth(BuiltInCatalog builtIns) {
    this.builtIns = builtIns;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("fv-model-catalog")
        .status(builtIns.isDone())
        .withData("built-in-models-published", String.join(",", builtIns.published()))
        .build();
  }
}
