package io.featureviz.api.datasets;

import io.featureviz.api.ApiConfig;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.api.storage.Presigner;
import io.featureviz.contracts.messages.DatasetKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The datasets a tenant may search: its own and the built-in ones. Ids are unique per tenant and
 * no tenant may take a built-in id, so an id names the tenant's dataset, else the built-in one.
 */
@ApplicationScoped
public class DatasetService {

  private final DatasetRepository repository;
  private final DatasetStore store;
  private final Presigner presigner;
  private final Set<String> configuredBuiltins;

  DatasetService(DatasetRepository repository, DatasetStore store, Presigner presigner,
      ApiConfig config) {
    this.repository = repository;
    this.store = store;
    this.presigner = presigner;
    this.configuredBuiltins = Set.copyOf(config.datasets().builtin().keySet());
  }

  /** The dataset the tenant means by this id; empty for an id no dataset can have. */
  public Optional<DatasetRow> find(String id, String tenant) throws SQLException {
    // not looked up otherwise: PostgreSQL refuses text with NUL (a 500)
    return id != null && DatasetKeys.ID.matcher(id).matches() ? repository.find(id, tenant)
        : Optional.empty();
  }

  /** The dataset's image of this name; empty for a name no image can have. */
  public Optional<DatasetImageRow> image(DatasetRow dataset, String name) throws SQLException {
    // only names an upload could have given are looked up: PostgreSQL refuses text with NUL
    return ImageNames.safe(name).filter(name::equals).isPresent()
        ? repository.image(dataset.objectPrefix(), name) : Optional.empty();
  }

  /** Built-in datasets first, then the tenant's, newest first. */
  public List<DatasetRow> list(String tenant) throws SQLException {
    return repository.list(tenant);
  }

  /** Every id the tenant may search, to say which exist when one is unknown. */
  public List<String> ids(String tenant) throws SQLException {
    return list(tenant).stream().map(DatasetRow::id).distinct().toList();
  }

  /** Whether a built-in dataset has this id, registered or only configured. */
  public boolean isBuiltinId(String id) throws SQLException {
    return configuredBuiltins.contains(id) || repository.findBuiltin(id).isPresent();
  }

  public DatasetView get(String id, String tenant) throws SQLException {
    DatasetRow row = visible(id, tenant);
    return DatasetView.of(row, repository.images(row.objectPrefix()).stream()
        .map(image -> new DatasetView.Image(image.name(), image.width(), image.height(),
            image.bytes(), presigner.downloadUrl(image.objectKey())))
        .toList());
  }

  /**
   * Deletes the tenant's dataset, its images and rows. Jobs searching it keep the images they
   * fetched, and their frames stay. A built-in dataset is refused (403).
   */
  public void delete(String id, String tenant) throws SQLException {
    DatasetRow row = visible(id, tenant);
    if (row.builtin()) {
      throw new ProblemException(403, "dataset-builtin", "Built-in dataset",
          "dataset '" + id + "' is built in and cannot be deleted", List.of());
    }
    if (!store.delete(row)) {
      throw notFound(id, tenant);
    }
  }

  /** The tenant's or the built-in dataset; 404 for another tenant's, as for an unknown id. */
  private DatasetRow visible(String id, String tenant) throws SQLException {
    Optional<DatasetRow> row = find(id, tenant);
    if (row.isEmpty()) {
      throw notFound(id, tenant);
    }
    return row.get();
  }

  private ProblemException notFound(String id, String tenant) throws SQLException {
    return new ProblemException(404, "dataset-not-found", "Dataset not found",
        "no dataset '" + id + "'; datasets: " + String.join(", ", ids(tenant)), List.of());
  }
}
