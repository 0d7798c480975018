package io.featureviz.api.auth;

import io.featureviz.api.ApiConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Registers the keys of {@code fv.auth.bootstrap-keys} ({@code tenant:key}) at start, so a
 * deployment has a working key without an admin call. Errors name the entry's position only.
 */
class BootstrapKeys {

  private static final Logger LOG = Logger.getLogger(BootstrapKeys.class);

  void register(@Observes StartupEvent start, ApiConfig config, ApiKeyRepository keys)
      throws SQLException {
    List<String> entries = config.auth().bootstrapKeys().orElse(List.of());
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i).strip();
      int colon = entry.indexOf(':');
      if (colon < 1 || colon == entry.length() - 1) {
        throw new IllegalArgumentException("fv.auth.bootstrap-keys entry " + (i + 1)
            + " is not tenant:key");
      }
      keys.insertIfAbsent(entry.substring(0, colon), ApiKeyHash.of(entry.substring(colon + 1)));
    }
    LOG.infof("%d bootstrap API key(s) registered", entries.size());
  }
}
