package io.featureviz.api.models;

import io.featureviz.api.ApiConfig;
import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.model.ModelInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The models jobs can name: the engine's catalog, whose files ship with the service, and the
 * models users uploaded. For each, the layers and labels, to validate objectives. Only ids are
 * accepted (never paths), and only the {@link ModelInfo} is kept: a catalog model is loaded once,
 * in a catalog of its own, so its weights can be collected.
 */
@ApplicationScoped
public class ModelCatalogService {

  private static final Logger LOG = Logger.getLogger(ModelCatalogService.class);

  private final Path modelsDir;
  private final UploadedModels uploaded;
  private final Map<String, Optional<ModelInfo>> infos = new ConcurrentHashMap<>();

  ModelCatalogService(ApiConfig config, UploadedModels uploaded) {
    this.modelsDir = Path.of(config.modelsDir());
    this.uploaded = uploaded;
  }

  /** The engine's built-in ids, whether or not their files are present. */
  public List<String> catalogIds() {
    return new ModelCatalog(modelsDir).ids();
  }

  /** Every id the tenant's jobs may name: the catalog's, then the tenant's uploaded models'. */
  public List<String> ids(String tenant) {
    return Stream.concat(catalogIds().stream(),
        uploaded.list(tenant).stream().map(UploadedModelRow::id)).toList();
  }

  /**
   * The model's info; empty for an unknown id, a model whose files are missing, or another
   * tenant's upload.
   */
  public Optional<ModelInfo> info(String id, String tenant) {
    if (catalogIds().contains(id)) {
      return catalogInfo(id);
    }
    // An id no upload can have is not looked up: PostgreSQL refuses text with NUL (a 500).
    return ModelKeys.isUploadedId(id) ? uploaded.info(id, tenant) : Optional.empty();
  }

  /** Every catalog model that can be loaded here. */
  public List<ModelInfo> available() {
    return catalogIds().stream().map(this::catalogInfo).flatMap(Optional::stream).toList();
  }

  private Optional<ModelInfo> catalogInfo(String id) {
    return infos.computeIfAbsent(id, this::load);
  }

  private Optional<ModelInfo> load(String id) {
    try {
      return Optional.of(new ModelCatalog(modelsDir).load(id).info());
    } catch (RuntimeException e) {
      LOG.warnf("model %s is not available: %s", id, e.getMessage());
      return Optional.empty();
    }
  }
}
