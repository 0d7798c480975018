package io.featureviz.api.datasets;

import io.featureviz.api.ApiConfig;
import io.featureviz.api.uploads.Sha256;
import io.featureviz.contracts.messages.DatasetKeys;
import io.featureviz.uploads.ImageValidator;
import io.featureviz.uploads.InvalidImageException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Registers the built-in datasets of {@code fv.datasets.builtin} at start: the image files of
 * each folder (not its subfolders) go to {@code public-datasets/<id>/}, the rows to the tables,
 * unless they are there already ({@link DatasetStore#registerBuiltin}). A missing folder, a file
 * that is no image, or a store that fails costs that dataset or file, never the start: the API
 * serves renders without datasets.
 */
class BuiltinDatasets {

  private static final Logger LOG = Logger.getLogger(BuiltinDatasets.class);

  void register(@Observes StartupEvent start, ApiConfig config, DatasetStore store) {
    config.datasets().builtin().forEach((id, folder) -> {
      try {
        register(id, Path.of(folder), store);
      } catch (Exception e) {
        LOG.errorf(e, "built-in dataset %s not registered: %s", id, e.getMessage());
      }
    });
  }

  static void register(String id, Path folder, DatasetStore store) throws Exception {
    if (!DatasetKeys.ID.matcher(id).matches()) {
      LOG.errorf("built-in dataset '%s' skipped: an id must match %s", id, DatasetKeys.ID);
      return;
    }
    if (!Files.isDirectory(folder)) {
      LOG.warnf("built-in dataset %s skipped: no folder %s", id, folder.toAbsolutePath());
      return;
    }
    List<DatasetImage> images = images(id, folder);
    if (images.isEmpty()) {
      LOG.warnf("built-in dataset %s skipped: no images in %s", id, folder.toAbsolutePath());
      return;
    }
    DatasetRow row = new DatasetRow(null, id, id, DatasetKeys.publicPrefix(id), images.size(),
        images.stream().mapToLong(DatasetImage::bytes).sum(), null);
    boolean written = store.registerBuiltin(row, images);
    LOG.infof("built-in dataset %s: %d images %s", id, images.size(),
        written ? "registered" : "registered already");
  }

  /** The folder's image files by name; every other file is logged and left out. */
  private static List<DatasetImage> images(String id, Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(Files::isRegularFile).sorted().toList();
    }
    List<DatasetImage> images = new ArrayList<>();
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      if (!ImageNames.safe(fileName).equals(Optional.of(fileName))) {
        LOG.infof("built-in dataset %s: %s skipped: not a safe image name", id,
            ImageNames.quoted(fileName));
        continue;
      }
      try {
        images.add(new DatasetImage(fileName, file, ImageValidator.inspect(file),
            Files.size(file), Sha256.of(file)));
      } catch (InvalidImageException e) {
        LOG.infof("built-in dataset %s: %s skipped: it %s", id, fileName, e.getMessage());
      }
    }
    return images;
  }
}
