package io.featureviz.api.quotas;

import io.featureviz.api.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** A tenant's quotas: its own settings where {@code fv.quotas.tenants.<tenant>} has them. */
@ApplicationScoped
public class TenantQuotas {

  private final ApiConfig.Quotas quotas;

  TenantQuotas(ApiConfig config) {
    this.quotas = config.quotas();
  }

  public int maxActiveJobs(String tenant) {
    return own(tenant).map(ApiConfig.Quotas.TenantQuotas::maxActiveJobs)
        .orElse(OptionalInt.empty()).orElse(quotas.maxActiveJobs());
  }

  public int maxActiveSweeps(String tenant) {
    return own(tenant).map(ApiConfig.Quotas.TenantQuotas::maxActiveSweeps)
        .orElse(OptionalInt.empty()).orElse(quotas.maxActiveSweeps());
  }

  public double requestsPerSecond(String tenant) {
    return own(tenant).map(ApiConfig.Quotas.TenantQuotas::requestsPerSecond)
        .orElse(OptionalDouble.empty()).orElse(quotas.requestsPerSecond());
  }

  public int burst(String tenant) {
    return own(tenant).map(ApiConfig.Quotas.TenantQuotas::burst)
        .orElse(OptionalInt.empty()).orElse(quotas.burst());
  }

  private Optional<ApiConfig.Quotas.TenantQuotas> own(String tenant) {
    return Optional.ofNullable(quotas.tenants().get(tenant));
  }
}
