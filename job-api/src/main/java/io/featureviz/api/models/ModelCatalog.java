package io.featureviz.api.models;

import io.featureviz.api.problems.ProblemException;
import io.featureviz.contracts.messages.BuiltInModels;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.contracts.messages.ModelStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models a tenant may name, as the catalog in PostgreSQL describes them: the built-in ones
 * (everyone's, described by a worker at its start) and the tenant's uploads (described by the
 * worker that imported them). Nothing here loads a model; what the catalog does not know yet is
 * answered as such (409, 503), never guessed.
 */
@ApplicationScoped
public class ModelCatalog {

  private final ModelRepository repository;

  ModelCatalog(ModelRepository repository) {
    this.repository = repository;
  }

  /** The built-in models described so far, by id, then the tenant's uploads, oldest first. */
  public List<ModelRow> list(String tenant) throws SQLException {
    return repository.visibleTo(tenant);
  }

  /** Every id the tenant may name, for messages: the built-in ones, then its uploads'. */
  public List<String> ids(String tenant) throws SQLException {
    return Stream.concat(BuiltInModels.IDS.stream(), list(tenant).stream().map(ModelRow::id))
        .distinct().toList();
  }

  /**
   * The model as the tenant sees it, in any status: a built-in one or its own upload; empty for
   * an unknown id or another tenant's upload.
   *
   * @throws ProblemException 503 for a built-in id no worker has described yet
   */
  public Optional<ModelRow> find(String id, String tenant) throws SQLException {
    // An id no model can have is not looked up: PostgreSQL refuses text with NUL (a 500).
    Optional<ModelRow> row = ModelKeys.isUploadedId(id)
        ? repository.find(id).filter(r -> r.isBuiltIn() || r.tenant().equals(tenant))
        : Optional.empty();
    if (row.isEmpty() && BuiltInModels.isBuiltIn(id)) {
      throw new ProblemException(503, "model-catalog-unavailable", "Model catalog unavailable",
          "no worker has described model " + id + " yet; start a worker", List.of());
    }
    return row;
  }

  /**
   * What jobs on the model are checked against; empty for an unknown id.
   *
   * @throws ProblemException 409 for a model that is not READY (importing, or failed: with the
   *     reason); 503 for a built-in id no worker has described yet
   */
  public Optional<ModelDescription> ready(String id, String tenant) throws SQLException {
    return find(id, tenant).map(ModelCatalog::requireReady);
  }

  /** The READY model's description; 409 for one still importing or failed. */
  static ModelDescription requireReady(ModelRow row) {
    if (row.status() != ModelStatus.READY) {
      String detail = row.status() == ModelStatus.FAILED
          ? "model " + row.id() + " is FAILED: " + row.failure()
          : "model " + row.id() + " is IMPORTING: a worker has yet to load it; GET /v1/models/"
              + row.id() + " tells when it is READY";
      throw new ProblemException(409, "model-not-ready", "Model not ready", detail, List.of());
    }
    return row.description();
  }
}
