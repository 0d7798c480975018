package io.featureviz.client.faults;

import io.featureviz.client.stack.InfraEndpoints;
import io.featureviz.objectstore.MinioClients;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The stack's bucket, listed with the credentials of {@code infra.json}. */
public final class StackObjectStore implements AutoCloseable {

  private final MinioClient client;
  private final String bucket;

  public StackObjectStore(InfraEndpoints infra) {
    Map<String, String> properties = infra.properties();
    this.client = MinioClients.create(properties.get("fv.storage.endpoint"),
        properties.get("fv.storage.access-key"), properties.get("fv.storage.secret-key"),
        properties.get("fv.storage.region"));
    this.bucket = properties.get("fv.storage.bucket");
  }

  /** Every key under {@code prefix}; S3 lists each key once, so duplicates cannot hide here. */
  public List<String> keys(String prefix) {
    List<String> keys = new ArrayList<>();
    try {
      for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket)
          .prefix(prefix).recursive(true).build())) {
        keys.add(result.get().objectName());
      }
    } catch (Exception e) {
      throw new AssertionError("cannot list " + bucket + "/" + prefix, e);
    }
    return keys;
  }

  @Override
  public void close() throws Exception {
    client.close();
  }
}
