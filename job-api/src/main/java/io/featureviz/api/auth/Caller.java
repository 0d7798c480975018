package io.featureviz.api.auth;

import jakarta.enterprise.context.RequestScoped;

/** The tenant whose key authenticated the current request; set by {@link AccessFilter}. */
@RequestScoped
public class Caller {

  private String tenant;

  public String tenant() {
    if (tenant == null) {
      throw new IllegalStateException("request was not authenticated");
    }
    return tenant;
  }

  void authenticated(String tenant) {
    this.tenant = tenant;
  }
}
