package io.featureviz.worker.models;

import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.model.ModelCatalog.UnknownModelException;
import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.storage.BucketReader;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The models jobs name: the catalog's by id, and models users uploaded through job-api. An
 * uploaded model is downloaded once from the bucket ({@link ModelKeys}) into the cache folder
 * and loaded by path; uploads are never replaced, so a cached copy never goes stale.
 */
@Singleton
public class ModelStore {

  private static final Logger LOG = Logger.getLogger(ModelStore.class);

  private final ModelCatalog catalog;
  private final BucketReader bucket;
  private final Path cacheDir;

  ModelStore(ModelCatalog catalog, BucketReader bucket, WorkerConfig worker) {
    this.catalog = catalog;
    this.bucket = bucket;
    this.cacheDir = worker.modelCacheDir().toAbsolutePath();
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
    return catalog.load(localCopy(id).toString());
  }

  /** Serialized: two jobs on a new upload download it once. */
  private synchronized Path localCopy(String id) {
    // an id no upload can have names no folder nor key either
    if (!ModelKeys.isUploadedId(id)) {
      throw unknown(id);
    }
    Path folder = cacheDir.resolve(id);
    if (Files.isDirectory(folder)) {
      return folder;
    }
    String prefix = ModelKeys.prefix(id);
    List<String> keys = bucket.keys(prefix);
    if (keys.isEmpty()) {
      throw unknown(id);
    }
    try {
      // downloaded beside the final folder and renamed, so a broken download is never loaded
      Files.createDirectories(cacheDir);
      Path partial = Files.createTempDirectory(cacheDir, "." + id + "-");
      for (String key : keys) {
        Path file = partial.resolve(key.substring(prefix.length())).normalize();
        if (!file.startsWith(partial)) {
          throw new IOException("object " + key + " would land outside " + partial);
        }
        Files.createDirectories(file.getParent());
        bucket.download(key, file);
      }
      Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
      LOG.infof("uploaded model %s: %d files fetched into %s", id, keys.size(), folder);
      return folder;
    } catch (Exception e) {
      throw new IllegalStateException("cannot fetch uploaded model " + id + ": " + e.getMessage(),
          e);
    }
  }

  private UnknownModelException unknown(String id) {
    return new UnknownModelException("'" + id + "' is not one of " + catalog.ids()
        + " and no uploaded model has this id");
  }
}
