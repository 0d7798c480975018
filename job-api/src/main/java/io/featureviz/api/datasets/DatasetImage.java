package io.featureviz.api.datasets;

import io.featureviz.uploads.ImageInfo;
import java.nio.file.Path;

/**
 * A checked image about to be stored: its name in the dataset, the file holding it, and what it
 * is.
 */
record DatasetImage(String name, Path file, ImageInfo info, long bytes, String sha256) {

  DatasetImageRow row(String objectPrefix) {
    return new DatasetImageRow(name, objectPrefix + name, info.width(), info.height(), bytes,
        sha256);
  }
}
