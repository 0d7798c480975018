package io.featureviz.api.auth;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code api_keys} table; only hashes pass through here, never keys. */
@ApplicationScoped
public class ApiKeyRepository {

  private final AgroalDataSource dataSource;

  ApiKeyRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The tenant of a key that is not revoked. */
  public Optional<String> tenantOf(String keyHash) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT tenant FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")) {
      select.setString(1, keyHash);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  /** Registers a key unless it is known already, so a revoked key stays revoked. */
  public void insertIfAbsent(String tenant, String keyHash) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO api_keys (tenant, key_hash) VALUES (?, ?) ON CONFLICT (key_hash) DO NOTHING")) {
      insert.setString(1, tenant);
      insert.setString(2, keyHash);
      insert.executeUpdate();
    }
  }
}
