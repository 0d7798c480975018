package io.featureviz.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The object store holding uploaded models; the same keys as job-api's and storage-sink's. */
@ConfigMapping(prefix = "fv.storage")
public interface StorageConfig {

  String endpoint();

  String accessKey();

  String secretKey();

  @WithDefault("featureviz")
  String bucket();

  /** Fixed, so the client never has to ask the store for the bucket's region. */
  @WithDefault("us-east-1")
  String region();
}
