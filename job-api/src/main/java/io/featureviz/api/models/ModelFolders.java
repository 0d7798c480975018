package io.featureviz.api.models;

import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.model.ModelInfo;
import java.nio.file.Path;

/**
 * Loads an uploaded model from its folder, laid out as in the bucket ({@code models/<id>/}) and
 * named after its id, the way the workers will load it.
 */
final class ModelFolders {

  private ModelFolders() {}

  /**
   * The model's info; a catalog of its own, dropped at once, lets the weights be collected.
   *
   * @throws RuntimeException the engine's import error when the folder holds no loadable model
   */
  static ModelInfo load(Path folder) {
    return new ModelCatalog(folder.getParent()).load(folder.toString()).info();
  }
}
