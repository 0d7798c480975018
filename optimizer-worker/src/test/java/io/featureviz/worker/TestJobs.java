package io.featureviz.worker;

import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.render.RenderDefaults;
import java.util.List;

/** Small, fast jobs on mobilenet_v2 for the tests. */
public final class TestJobs {

  public static final String TENANT = "tenant-test";
  public static final int SIZE = 32;

  private TestJobs() {}

  /** 6 steps at 32 px, frames at steps 2 and 4 and the final one at 6, one image. */
  public static JobRequest job(String id, String objective) {
    return job(id, objective, 6, List.of(2, 4), 1);
  }

  public static JobRequest job(String id, String objective, int steps, List<Integer> thresholds,
      int batch) {
    return new JobRequest(Messages.VERSION, id, TENANT, "mobilenet_v2", objective, SIZE, steps,
        thresholds, batch, 7, RenderDefaults.LEARNING_RATE, RenderDefaults.PARAM, true,
        RenderDefaults.TRANSFORMS, System.currentTimeMillis());
  }

  /**
   * An explain job on mobilenet_v2 without an objective of its own; its group visualizations
   * take {@code steps} at 32 px, with a frame at {@code thresholds}.
   */
  public static JobRequest explain(String id, ExplainSpec explain, int steps,
      List<Integer> thresholds) {
    return new JobRequest(Messages.VERSION, id, TENANT, "mobilenet_v2", null, SIZE, steps,
        thresholds, 1, 7, RenderDefaults.LEARNING_RATE, RenderDefaults.PARAM, true,
        RenderDefaults.TRANSFORMS, System.currentTimeMillis(), JobKind.EXPLAIN, null, explain,
        null);
  }

  /** The same job with another seed. */
  public static JobRequest withSeed(JobRequest job, long seed) {
    return new JobRequest(job.v(), job.id(), job.tenant(), job.model(), job.objective(),
        job.size(), job.steps(), job.thresholds(), job.batch(), seed, job.lr(), job.param(),
        job.decorrelate(), job.transforms(), job.submittedAt());
  }

  /** The same job with another id. */
  public static JobRequest withId(JobRequest job, String id) {
    return new JobRequest(job.v(), id, job.tenant(), job.model(), job.objective(),
        job.size(), job.steps(), job.thresholds(), job.batch(), job.seed(), job.lr(), job.param(),
        job.decorrelate(), job.transforms(), job.submittedAt());
  }

  /** The same job for another tenant and model. */
  public static JobRequest withOwner(JobRequest job, String tenant, String model) {
    return new JobRequest(job.v(), job.id(), tenant, model, job.objective(), job.size(),
        job.steps(), job.thresholds(), job.batch(), job.seed(), job.lr(), job.param(),
        job.decorrelate(), job.transforms(), job.submittedAt());
  }
}
