package io.featureviz.sink;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sink's own settings; each key can be set by environment, e.g. FV_STORAGE_ENDPOINT. */
@ConfigMapping(prefix = "fv")
public interface SinkConfig {

  Storage storage();

  /** The S3-compatible object store (MinIO, or s3proxy locally). */
  interface Storage {

    /** Base URL, e.g. http://127.0.0.1:9000. */
    String endpoint();

    String accessKey();

    String secretKey();

    @WithDefault("featureviz")
    String bucket();

    /** Fixed so that the client never asks the server for the bucket's location. */
    @WithDefault("us-east-1")
    String region();
  }
}
