package io.featureviz.worker.models;

import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.storage.BucketReader;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Uploaded models' files, downloaded once from the bucket ({@code models/<id>/},
 * {@link ModelKeys}) into {@code fv.worker.model-cache-dir/<id>/}, the folder the engine loads
 * (named after the id, which the engine takes as the model's). Imports and renders share the
 * copy. Uploads are never replaced, so a cached copy never goes stale; only an import that
 * failed drops it ({@link #discard}).
 */
@Singleton
public class UploadedModelFiles {

  private static final Logger LOG = Logger.getLogger(UploadedModelFiles.class);

  private final BucketReader bucket;
  private final Path cacheDir;

  UploadedModelFiles(BucketReader bucket, WorkerConfig worker) {
    this.bucket = bucket;
    this.cacheDir = worker.modelCacheDir().toAbsolutePath();
  }

  /** Where the cached copies are. */
  public Path cacheDir() {
    return cacheDir;
  }

  /**
   * The model's local folder, downloaded first when not cached; empty when the bucket holds no
   * file of this id. Serialized: two jobs on a new upload download it once.
   *
   * @param id an upload id ({@link ModelKeys#isUploadedId}): it names a folder and a key
   * @throws IllegalStateException when the object store cannot be read
   */
  public synchronized Optional<Path> folder(String id) {
    String prefix = ModelKeys.prefix(id);
    Path folder = local(id);
    if (Files.isDirectory(folder)) {
      return Optional.of(folder);
    }
    List<String> keys = bucket.keys(prefix);
    if (keys.isEmpty()) {
      return Optional.empty();
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
      return Optional.of(folder);
    } catch (Exception e) {
      throw new IllegalStateException("cannot fetch uploaded model " + id + ": " + e.getMessage(),
          e);
    }
  }

  /** Deletes the cached copy of a model that failed to import: no job will name it. */
  public synchronized void discard(String id) {
    Path folder = local(id);
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      LOG.warnf("model %s: its cached files could not all be deleted: %s", id, e.getMessage());
    }
  }

  /** Only an upload id may name a folder: never a path. */
  private Path local(String id) {
    if (!ModelKeys.isUploadedId(id)) {
      throw new IllegalArgumentException("not an uploaded model id: '" + id + "'");
    }
    return cacheDir.resolve(id);
  }
}
