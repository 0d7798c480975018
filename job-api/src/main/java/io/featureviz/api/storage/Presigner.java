package io.featureviz.api.storage;

import io.featureviz.api.ApiConfig;
import io.featureviz.objectstore.MinioClients;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.Http;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signs download URLs for stored frames, so clients fetch images from the object store without
 * credentials. Signing is local: the region is configured, so no request reaches the store.
 */
@ApplicationScoped
public class Presigner {

  private final MinioClient client;
  private final String bucket;
  private final int expirySeconds;

  Presigner(ApiConfig config) {
    ApiConfig.Storage storage = config.storage();
    this.client = MinioClients.create(storage.publicEndpoint().orElse(storage.endpoint()),
        storage.accessKey(), storage.secretKey(), storage.region());
    this.bucket = storage.bucket();
    this.expirySeconds = Math.toIntExact(storage.presignExpiry().toSeconds());
  }

  public String downloadUrl(String objectKey) {
    try {
      return client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
          .method(Http.Method.GET).bucket(bucket).object(objectKey).expiry(expirySeconds).build());
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign a URL for " + objectKey, e);
    }
  }

  @PreDestroy
  void close() throws Exception {
    client.close();
  }
}
