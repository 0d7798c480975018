package io.featureviz.contracts.messages;

/** Kafka topic names. Every message is keyed by its job id, so one job's messages stay ordered. */
public final class Topics {

  /** Job requests; consumed by the optimizer workers' consumer group. */
  public static final String JOBS = "fv.jobs";
  /** Rendered images (PNG bytes with {@link FrameHeaders}); consumed by the storage sink. */
  public static final String FRAMES = "fv.frames";
  /** Status changes, progress and cancellation requests ({@link JobEvent}). */
  public static final String EVENTS = "fv.events";
  /** Job requests that could not be processed, with the reason in headers. */
  public static final String JOBS_DLQ = "fv.jobs.dlq";

  /** Minimum partition count of {@link #JOBS}, so that several workers share the load. */
  public static final int JOBS_PARTITIONS = 3;

  private Topics() {}
}
