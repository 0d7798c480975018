package io.featureviz.contracts.messages;

import java.util.Map;

/**
 * Kafka topic names. Job messages are keyed by job id, so one job's messages stay ordered; model
 * messages by model id.
 */
public final class Topics {

  /** Job requests; consumed by the optimizer workers' consumer group. */
  public static final String JOBS = "fv.jobs";
  /** Rendered images (PNG bytes with {@link FrameHeaders}); consumed by the storage sink. */
  public static final String FRAMES = "fv.frames";
  /** Status changes, progress and cancellation requests ({@link JobEvent}). */
  public static final String EVENTS = "fv.events";
  /**
   * Cancellation requests again ({@link JobEvent} {@code CANCEL_REQUESTED}, key = job id), kept
   * as long as the jobs they stop: every worker reads it from its start before taking jobs, so a
   * worker started after a request (a restart, a scale-out) still skips the job when it reaches
   * it. One partition: a small log that each worker reads whole.
   */
  public static final String CANCELLATIONS = "fv.cancellations";
  /** Job requests that could not be processed, with the reason in headers. */
  public static final String JOBS_DLQ = "fv.jobs.dlq";
  /** Uploaded models to import ({@link ModelImport}); consumed by the optimizer workers. */
  public static final String MODEL_IMPORTS = "fv.model-imports";
  /**
   * The model catalog as workers found it ({@link ModelCatalogEntry}); consumed by the storage
   * sink, which keeps it in PostgreSQL. Compacted: the newest entry per model is kept.
   */
  public static final String MODELS = "fv.models";

  /** Minimum partition count of {@link #JOBS}, so that several workers share the load. */
  public static final int JOBS_PARTITIONS = 3;

  private static final long HOUR_MS = 3_600_000L;
  private static final long DAY_MS = 24 * HOUR_MS;
  private static final long MIB = 1024L * 1024;

  private Topics() {}

  /**
   * Topic-level settings of a topic, as {@code kafka-topics.sh --config} takes them; empty where
   * the broker's defaults do. Every place that creates the topics applies them: the devstack and
   * the init script of docker-compose.yml and deploy/k8s (checked by deploy-check).
   *
   * <p>{@link #FRAMES}: the storage sink copies frames to the object store within seconds, so the
   * broker keeps them only for a sink that is down (3 days: a weekend), and at most 1 GiB per
   * partition whatever the rate. Hourly segments of 256 MiB, since retention deletes whole closed
   * segments only. {@link #JOBS_DLQ}: unreadable job requests, kept 30 days for someone to look
   * at, a few KiB each. {@link #MODELS}: compacted, so a sink that starts from scratch still
   * reads every model's newest entry. {@link #CANCELLATIONS}: 7 days, the broker's default
   * retention, which {@link #JOBS} keeps: a request need not outlive the job record it stops.
   */
  public static Map<String, String> config(String topic) {
    return switch (topic) {
      case FRAMES -> Map.of(
          "retention.ms", String.valueOf(3 * DAY_MS),
          "retention.bytes", String.valueOf(1024 * MIB),
          "segment.ms", String.valueOf(HOUR_MS),
          "segment.bytes", String.valueOf(256 * MIB));
      case JOBS_DLQ -> Map.of(
          "retention.ms", String.valueOf(30 * DAY_MS),
          "retention.bytes", String.valueOf(256 * MIB));
      case MODELS -> Map.of("cleanup.policy", "compact");
      case CANCELLATIONS -> Map.of("retention.ms", String.valueOf(7 * DAY_MS));
      default -> Map.of();
    };
  }
}
