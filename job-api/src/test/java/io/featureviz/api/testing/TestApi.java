package io.featureviz.api.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests as one of the test tenants, whose keys the test profile registers through
 * {@code fv.auth.bootstrap-keys}: {@code tenant-a}, the tenant of the tests that are not about
 * tenants, and {@code tenant-b}.
 */
public final class TestApi {

  public static final String TENANT_A = "tenant-a";
  public static final String TENANT_B = "tenant-b";

  private TestApi() {}

  /** A request of {@code tenant-a}. */
  public static RequestSpecification given() {
    return as(TENANT_A);
  }

  public static RequestSpecification as(String tenant) {
    return RestAssured.given().header("Authorization", bearer(tenant));
  }

  public static String bearer(String tenant) {
    return "Bearer " + key(tenant);
  }

  public static String key(String tenant) {
    List<String> entries = ConfigProvider.getConfig()
        .getValues("fv.auth.bootstrap-keys", String.class);
    return entries.stream().filter(e -> e.startsWith(tenant + ":"))
        .map(e -> e.substring(tenant.length() + 1)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no test key for " + tenant));
  }
}
