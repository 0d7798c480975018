package io.featureviz.sink;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the frame bucket can be reached. */
@Readiness
@ApplicationScoped
public class BucketHealthCheck implements HealthCheck {

  private final ObjectStore objects;

  BucketHealthCheck(ObjectStore objects) {
    this.objects = objects;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("object-store").withData("bucket", objects.bucket());
    try {
      return response.status(objects.bucketExists()).build();
    } catch (Exception e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
