package io.featureviz.client.bench;

import io.featureviz.client.jobs.JobSpec;
import java.util.List;
import java.util.Map;

/**
 * What {@code stack-bench} measured.
 *
 * @param upSeconds from the command to every component ready (jars already built)
 * @param runs the same job, one after the other: the first pays for loading the model
 * @param rssMb resident memory of each process after the runs; {@code infra-postgres} is
 *     PostgreSQL's postmaster and backends together
 */
public record BenchReport(double upSeconds, JobSpec job, List<JobTiming> runs,
    Map<String, Long> rssMb) {

  /**
   * One job through the stack.
   *
   * @param endToEndSeconds from POST to the result with every frame downloaded
   * @param renderSeconds the worker's RUNNING to SUCCEEDED (its own timestamps)
   * @param overheadSeconds the pipeline's share: end to end minus render
   * @param queuedSeconds from POST to the worker's RUNNING
   * @param frameToDownloadableMs from the worker sending a frame to Kafka to the client having
   *     downloaded it through its presigned URL (announced by the event stream once stored)
   */
  public record JobTiming(String jobId, double endToEndSeconds, double renderSeconds,
      double overheadSeconds, double queuedSeconds, int frames, double frameToDownloadableMsMean,
      long frameToDownloadableMsMax) {}
}
