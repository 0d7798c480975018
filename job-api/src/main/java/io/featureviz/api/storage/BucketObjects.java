package io.featureviz.api.storage;

import io.featureviz.api.ApiConfig;
import io.featureviz.objectstore.MinioClients;
import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.messages.Item;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The objects of the bucket the API writes: uploaded models' files (a folder of objects per
 * model) and datasets' images (a folder per dataset). Frames are the sink's.
 */
@ApplicationScoped
public class BucketObjects {

  private final MinioClient client;
  private final String bucket;

  BucketObjects(ApiConfig config) {
    ApiConfig.Storage storage = config.storage();
    this.client = MinioClients.create(storage.endpoint(), storage.accessKey(),
        storage.secretKey(), storage.region());
    this.bucket = storage.bucket();
  }

  /** Whether the bucket answers: the object store is up and the credentials work. */
  public boolean bucketReachable() throws Exception {
    return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
  }

  public String bucket() {
    return bucket;
  }

  /** Writes every file under {@code dir} as {@code prefix + its relative path}. */
  public void putFolder(Path dir, String prefix) throws Exception {
    for (Path file : files(dir)) {
      String key = prefix + dir.relativize(file).toString().replace('\\', '/');
      client.uploadObject(UploadObjectArgs.builder()
          .bucket(bucket).object(key).filename(file.toString()).build());
    }
  }

  /** Writes one file as {@code key}, with the content type clients will be served. */
  public void put(Path file, String key, String contentType) throws Exception {
    client.uploadObject(UploadObjectArgs.builder().bucket(bucket).object(key)
        .filename(file.toString()).contentType(contentType).build());
  }

  public List<String> keys(String prefix) throws Exception {
    List<String> keys = new ArrayList<>();
    for (var result : client.listObjects(
        ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
      Item item = result.get();
      keys.add(item.objectName());
    }
    return keys;
  }

  public void deleteFolder(String prefix) throws Exception {
    delete(keys(prefix));
  }

  public void delete(List<String> keys) throws Exception {
    for (String key : keys) {
      client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @PreDestroy
  void close() throws Exception {
    client.close();
  }
}
