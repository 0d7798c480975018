package io.featureviz.worker.models;

import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.objectstore.MinioClients;
import io.featureviz.worker.config.StorageConfig;
import io.minio.MinioClient;
import io.minio.UploadObjectArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Stores models in the devstack bucket as job-api stores uploads: under {@code models/<id>/}. */
final class TestBucket {

  private TestBucket() {}

  /** Every file of the folder, at its path relative to the folder. */
  static void putModel(StorageConfig storage, String id, Path folder) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    try (MinioClient client = MinioClients.create(storage.endpoint(), storage.accessKey(),
        storage.secretKey(), storage.region())) {
      for (Path file : files) {
        client.uploadObject(UploadObjectArgs.builder().bucket(storage.bucket())
            .object(ModelKeys.prefix(id) + folder.relativize(file).toString().replace('\\', '/'))
            .filename(file.toString()).build());
      }
    }
  }
}
