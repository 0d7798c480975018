package io.featureviz.sink;

import io.featureviz.objectstore.MinioClients;
import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The bucket frames are written to, and failed model imports removed from. It is created,
 * private, at start-up when missing.
 */
@ApplicationScoped
public class ObjectStore {

  private static final Logger LOG = Logger.getLogger(ObjectStore.class);

  private final MinioClient client;
  private final String bucket;
  private final String region;

  ObjectStore(SinkConfig config) {
    SinkConfig.Storage storage = config.storage();
    this.client = MinioClients.create(storage.endpoint(), storage.accessKey(),
        storage.secretKey(), storage.region());
    this.bucket = storage.bucket();
    this.region = storage.region();
  }

  void createBucket(@Observes StartupEvent start) throws Exception {
    if (!bucketExists()) {
      // A new bucket has no policy, so every object needs credentials or a presigned URL.
      client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(region).build());
      LOG.infof("created bucket %s", bucket);
    }
  }

  public boolean bucketExists() throws Exception {
    return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
  }

  /** Writes (or overwrites) one object; returns once the store has answered, i.e. it is durable. */
  public void put(String key, byte[] content, String contentType, Map<String, String> metadata)
      throws Exception {
    client.putObject(PutObjectArgs.builder()
        .bucket(bucket)
        .object(key)
        .stream(new ByteArrayInputStream(content), (long) content.length, -1L)
        .contentType(contentType)
        .userMetadata(metadata)
        .build());
  }

  /**
   * Removes every object whose key starts with {@code prefix}; returns how many. Listed first,
   * then removed one by one (an uploaded model has few files).
   */
  public int deletePrefix(String prefix) throws Exception {
    List<String> keys = new ArrayList<>();
    for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket)
        .prefix(prefix).recursive(true).build())) {
      keys.add(result.get().objectName());
    }
    for (String key : keys) {
      client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    }
    return keys.size();
  }

  public String bucket() {
    return bucket;
  }

  @PreDestroy
  void close() throws Exception {
    client.close();
  }
}
