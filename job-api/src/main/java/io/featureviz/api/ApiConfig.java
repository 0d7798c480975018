package io.featureviz.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The API's own settings; each key can be set by environment, e.g. FV_STORAGE_PRESIGN_EXPIRY. */
@ConfigMapping(prefix = "fv")
public interface ApiConfig {

  Storage storage();

  Auth auth();

  Quotas quotas();

  Limits limits();

  Events events();

  Uploads uploads();

  Datasets datasets();

  /** Who may call the API under {@code /v1}: bearer API keys, each belonging to one tenant. */
  interface Auth {

    /**
     * Keys to register at start, as {@code tenant:key} (e.g. FV_AUTH_BOOTSTRAP_KEYS from a
     * Kubernetes Secret); only their SHA-256 is stored. Revoking one in the table sticks.
     */
    Optional<List<String>> bootstrapKeys();
  }

  /**
   * What a tenant may use, unless {@code tenants.<tenant>.*} says otherwise for it; the rate is
   * counted per API instance, the jobs in the database.
   */
  interface Quotas {

    /**
     * Jobs a tenant may have QUEUED or RUNNING at once, not counting sweeps' shards; a further
     * submission is answered 429.
     */
    @WithDefault("50")
    int maxActiveJobs();

    /**
     * Sweeps a tenant may have unfinished (a shard QUEUED or RUNNING) at once; a further sweep is
     * answered 429. Their shards, thousands for a whole model, count here instead of against
     * {@code max-active-jobs}, so a sweep never holds up the tenant's single jobs.
     */
    @WithDefault("4")
    int maxActiveSweeps();

    /** Sustained requests per second of a tenant (token bucket refill). */
    @WithDefault("20")
    double requestsPerSecond();

    /** Requests a tenant may send at once after being idle (token bucket size). */
    @WithDefault("40")
    int burst();

    /** Quotas of single tenants, e.g. {@code fv.quotas.tenants.acme.burst=100}. */
    Map<String, TenantQuotas> tenants();

    /** One tenant's quotas; each one not set is the default above. */
    interface TenantQuotas {

      OptionalInt maxActiveJobs();

      OptionalInt maxActiveSweeps();

      OptionalDouble requestsPerSecond();

      OptionalInt burst();
    }
  }

  /** The object store holding the frames the sink wrote. */
  interface Storage {

    String endpoint();

    /**
     * Endpoint written into presigned URLs when clients reach the store under another name than
     * the API does (e.g. a public host in front of an in-cluster MinIO).
     */
    Optional<String> publicEndpoint();

    String accessKey();

    String secretKey();

    @WithDefault("featureviz")
    String bucket();

    /** Fixed so that presigning is a local computation, without asking for the bucket's region. */
    @WithDefault("us-east-1")
    String region();

    @WithDefault("15M")
    Duration presignExpiry();
  }

  /** The server-sent event streams of jobs. */
  interface Events {

    /** How often an open stream looks for newly stored frames and status changes. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** How long a stream waits after a terminal status for the final frames to be stored. */
    @WithDefault("10s")
    Duration finalFrameGrace();
  }

  /** Users' model uploads ({@code POST /v1/models}). */
  interface Uploads {

    /** The largest model file accepted; a larger upload is answered 413. */
    @WithDefault("200M")
    MemorySize maxSize();

    /** The most entries a zip archive may hold. */
    @WithDefault("10000")
    int maxArchiveEntries();

    /** The most bytes a zip archive may unpack to, counted while unpacking (zip bombs). */
    @WithDefault("1G")
    MemorySize maxUnpackedSize();
  }

  /**
   * Image sets that dataset-examples jobs search: built-in ones every tenant may use, and
   * tenants' uploads ({@code POST /v1/datasets}), whose total bytes are bounded by
   * {@code fv.uploads.max-size}.
   */
  interface Datasets {

    /**
     * Built-in datasets as id to folder of images, e.g. {@code fv.datasets.builtin.photos} (env
     * FV_DATASETS_BUILTIN_PHOTOS); registered at start, a missing folder is skipped with a
     * warning. The folder's images are not bound by the upload limits below.
     */
    Map<String, String> builtin();

    /** The most images one upload may hold. */
    @WithDefault("1000")
    int maxImages();

    /** The largest image file accepted in an upload. */
    @WithDefault("20M")
    MemorySize maxImageSize();
  }

  /**
   * How large a request may be. What a job may ask for is no setting: {@code RenderLimits}, which
   * the command lines check too, and the OpenAPI schema publishes.
   */
  interface Limits {

    /**
     * The memory a worker has for one job (its container's limit less the JVM's share): a
     * render whose estimate ({@code RenderMemory}) exceeds it is refused, since the worker
     * killed for it would get the same job again.
     */
    @WithDefault("3G")
    MemorySize renderMemory();

    /** The largest request body other than a model upload (JSON requests); larger is 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();
  }
}
