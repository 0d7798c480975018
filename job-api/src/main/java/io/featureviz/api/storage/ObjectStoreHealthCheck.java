package io.featureviz.api.storage;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Reports the object store. Without it the API still accepts jobs but cannot hand out working
 * artifact links or take model uploads: degraded, not unready, so it is a wellness check
 * ({@code /q/health/well}, part of {@code /q/health}) that keeps the API in rotation.
 */
@Wellness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {

  private final BucketObjects objects;

  ObjectStoreHealthCheck(BucketObjects objects) {
    this.objects = objects;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("object-store").withData("bucket", objects.bucket());
    try {
      return response.status(objects.bucketReachable()).build();
    } catch (Exception e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
