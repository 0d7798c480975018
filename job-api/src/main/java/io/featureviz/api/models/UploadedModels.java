package io.featureviz.api.models;

import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.uploads.TempFolder;
import io.featureviz.optvis.model.ModelInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Models users uploaded: rows of the {@code models} table, files in the bucket. Their infos are
 * kept in memory; one this instance has not seen yet (uploaded through another instance, or
 * before a restart) is loaded once from the bucket.
 */
@ApplicationScoped
public class UploadedModels {

  private static final Logger LOG = Logger.getLogger(UploadedModels.class);

  private final UploadedModelRepository repository;
  private final BucketObjects objects;
  private final Map<String, Optional<ModelInfo>> infos = new ConcurrentHashMap<>();

  UploadedModels(UploadedModelRepository repository, BucketObjects objects) {
    this.repository = repository;
    this.objects = objects;
  }

  /** The tenant's uploaded models, oldest first. */
  public List<UploadedModelRow> list(String tenant) {
    try {
      return repository.list(tenant);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list uploaded models: " + e.getMessage(), e);
    }
  }

  public Optional<UploadedModelRow> find(String id) {
    try {
      return repository.find(id);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read uploaded model " + id + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * The info of the tenant's uploaded model; empty for an id the tenant did not upload or whose
   * files do not load. The owner is read each time, the info only once.
   */
  public Optional<ModelInfo> info(String id, String tenant) {
    Optional<UploadedModelRow> row = find(id).filter(r -> r.tenant().equals(tenant));
    Optional<ModelInfo> known = infos.get(id);
    if (row.isEmpty() || known != null) {
      return row.flatMap(r -> known);
    }
    Optional<ModelInfo> info = row.flatMap(this::loadFromBucket);
    // only a loaded model is remembered: an id unknown now may be uploaded later
    info.ifPresent(i -> infos.put(id, info));
    return info;
  }

  /** Records the info of a model just uploaded, so jobs on it need no download. */
  void remember(ModelInfo info) {
    infos.put(info.id(), Optional.of(info));
  }

  private Optional<ModelInfo> loadFromBucket(UploadedModelRow row) {
    try (TempFolder download = TempFolder.create("fv-model-")) {
      Path folder = download.path().resolve(row.id());
      objects.getFolder(row.objectPrefix(), folder);
      return Optional.of(ModelFolders.load(folder));
    } catch (Exception e) {
      LOG.warnf("uploaded model %s is not available: %s", row.id(), e.getMessage());
      return Optional.empty();
    }
  }
}
