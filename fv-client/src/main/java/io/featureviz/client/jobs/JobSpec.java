package io.featureviz.client.jobs;

import java.util.List;

/**
 * The body of {@code POST /v1/jobs}; null fields are left out, so the API fills in its defaults.
 *
 * @param objective objective grammar text, e.g. {@code mixed4:97} or {@code softmax:goldfish}
 */
public record JobSpec(String model, String objective, Integer size, Integer steps,
    List<Integer> thresholds, Integer batch, Long seed, Double lr, String param,
    Boolean decorrelate, String transforms) implements JobBody {

  /** A job with the API's defaults for everything but model and objective. */
  public static JobSpec of(String model, String objective) {
    return new JobSpec(model, objective, null, null, null, null, null, null, null, null, null);
  }

  public JobSpec withSize(int value) {
    return new JobSpec(model, objective, value, steps, thresholds, batch, seed, lr, param,
        decorrelate, transforms);
  }

  public JobSpec withSteps(int value, List<Integer> frameSteps) {
    return new JobSpec(model, objective, size, value, frameSteps, batch, seed, lr, param,
        decorrelate, transforms);
  }

  public JobSpec withBatch(int value) {
    return new JobSpec(model, objective, size, steps, thresholds, value, seed, lr, param,
        decorrelate, transforms);
  }
}
