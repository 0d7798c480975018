package io.featureviz.api.auth;

import io.featureviz.api.problems.ProblemException;
import io.featureviz.api.quotas.RequestRateLimiter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.sql.SQLException;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every REST resource (all under {@code /v1}) needs {@code Authorization: Bearer <key>}; health,
 * OpenAPI, Swagger UI and static files are no resources and stay open. Then the tenant's rate
 * is counted. Not pre-matching, so it runs on the blocking resources' worker thread and may
 * query the database. Keys are never logged: only the tenant, or why a request was refused.
 */
public class AccessFilter {

  private static final Logger LOG = Logger.getLogger(AccessFilter.class);
  private static final String BEARER = "Bearer ";

  private final ApiKeyRepository keys;
  private final RequestRateLimiter rates;
  private final Caller caller;

  AccessFilter(ApiKeyRepository keys, RequestRateLimiter rates, Caller caller) {
    this.keys = keys;
    this.rates = rates;
    this.caller = caller;
  }

  @ServerRequestFilter
  public void authenticate(ContainerRequestContext request) throws SQLException {
    String tenant = tenant(request).orElseThrow(() -> {
      LOG.infof("refused %s %s: missing, unknown or revoked API key", request.getMethod(),
          request.getUriInfo().getPath());
      return ProblemException.unauthorized(
          "send a valid API key as 'Authorization: Bearer <key>'");
    });
    rates.admit(tenant);
    caller.authenticated(tenant);
  }

  private Optional<String> tenant(ContainerRequestContext request) throws SQLException {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String key = header.substring(BEARER.length()).strip();
    return key.isEmpty() ? Optional.empty() : keys.tenantOf(ApiKeyHash.of(key));
  }
}
