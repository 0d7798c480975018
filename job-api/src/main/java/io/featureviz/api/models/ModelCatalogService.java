package io.featureviz.api.models;

import io.featureviz.api.ApiConfig;
import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.model.ModelInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The engine's model catalog as the API needs it: the layers and labels of each model, to
 * validate objectives. Only catalog ids are accepted (never paths), and only the {@link ModelInfo}
 * is kept: a model is loaded once, in a catalog of its own, so its weights can be collected.
 */
@ApplicationScoped
public class ModelCatalogService {

  private static final Logger LOG = Logger.getLogger(ModelCatalogService.class);

  private final Path modelsDir;
  private final Map<String, Optional<ModelInfo>> infos = new ConcurrentHashMap<>();

  ModelCatalogService(ApiConfig config) {
    this.modelsDir = Path.of(config.modelsDir());
  }

  public List<String> ids() {
    return new ModelCatalog(modelsDir).ids();
  }

  /** The model's catalog entry; empty for an unknown id or a model whose files are missing. */
  public Optional<ModelInfo> info(String id) {
    if (!ids().contains(id)) {
      return Optional.empty();
    }
    return infos.computeIfAbsent(id, this::load);
  }

  /** Every model that can be loaded here. */
  public List<ModelInfo> available() {
    return ids().stream().map(this::info).flatMap(Optional::stream).toList();
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
