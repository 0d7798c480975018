package io.featureviz.worker.storage;

import io.featureviz.objectstore.MinioClients;
import io.featureviz.worker.config.StorageConfig;
import io.minio.DownloadObjectArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the objects job-api put in the bucket: uploaded models and datasets. */
@Singleton
public class BucketReader {

  private final MinioClient client;
  private final String bucket;

  BucketReader(StorageConfig storage) {
    this.client = MinioClients.create(storage.endpoint(), storage.accessKey(),
        storage.secretKey(), storage.region());
    this.bucket = storage.bucket();
  }

  /** Every key under the prefix, in the store's (lexicographic) order. */
  public List<String> keys(String prefix) {
    List<String> keys = new ArrayList<>();
    try {
      for (Result<Item> result : client.listObjects(
          ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
        keys.add(result.get().objectName());
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot list " + prefix + " in the object store: "
          + e.getMessage(), e);
    }
    return keys;
  }

  public byte[] bytes(String key) throws IOException {
    try (GetObjectResponse object = client.getObject(
        GetObjectArgs.builder().bucket(bucket).object(key).build())) {
      return object.readAllBytes();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot read " + key + " from the object store: " + e.getMessage(), e);
    }
  }

  public void download(String key, Path file) throws IOException {
    try {
      client.downloadObject(DownloadObjectArgs.builder()
          .bucket(bucket).object(key).filename(file.toString()).build());
    } catch (Exception e) {
      throw new IOException("cannot download " + key + ": " + e.getMessage(), e);
    }
  }

  @PreDestroy
  void close() throws Exception {
    client.close();
  }
}
