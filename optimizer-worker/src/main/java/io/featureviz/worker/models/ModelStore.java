package io.featureviz.worker.models;

import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.model.ModelCatalog.UnknownModelException;
import jakarta.inject.Singleton;

/**
 * The models jobs name: the catalog's by id, and models users uploaded through job-api, loaded
 * by path from their cached copy ({@link UploadedModelFiles}).
 */
@Singleton
public class ModelStore {

  private final ModelCatalog catalog;
  private final UploadedModelFiles files;

  ModelStore(ModelCatalog catalog, UploadedModelFiles files) {
    this.catalog = catalog;
    this.files = files;
  }

  /**
   * Loads (once) the model with this id.
   *
   * @throws UnknownModelException when the id is neither the catalog's nor an upload's
   */
  public ImageModel load(String id) {
    if (catalog.ids().contains(id)) {
      return catalog.load(id);
    }
    // an id no upload can have names no folder nor key either
    if (!ModelKeys.isUploadedId(id)) {
      throw unknown(id);
    }
    return catalog.load(files.folder(id).orElseThrow(() -> unknown(id)).toString());
  }

  private UnknownModelException unknown(String id) {
    return new UnknownModelException("'" + id + "' is not one of " + catalog.ids()
        + " and no uploaded model has this id");
  }
}
