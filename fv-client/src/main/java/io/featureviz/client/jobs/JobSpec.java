package io.featureviz.client.jobs;

import io.featureviz.contracts.render.InterpolationSpec;
import java.util.List;

/**
 * The body of {@code POST /v1/jobs}; null fields are left out, so the API fills in its defaults.
 *
 * @param objective objective grammar text, e.g. {@code mixed4:97} or {@code softmax:goldfish};
 *     null for an interpolation
 * @param interpolate an interpolation between two objectives, which the API turns into the
 *     objective and batch; else null
 */
public record JobSpec(String model, String objective, Integer size, Integer steps,
    List<Integer> thresholds, Integer batch, Long seed, Double lr, String param,
    Boolean decorrelate, String transforms, InterpolationSpec interpolate) implements JobBody {

  /** A job with the API's defaults for everything but model and objective. */
  public static JobSpec of(String model, String objective) {
    return new JobSpec(model, objective, null, null, null, null, null, null, null, null, null,
        null);
  }

  public JobSpec withSize(int value) {
    return new JobSpec(model, objective, value, steps, thresholds, batch, seed, lr, param,
        decorrelate, transforms, interpolate);
  }

  public JobSpec withSteps(int value, List<Integer> frameSteps) {
    return new JobSpec(model, objective, size, value, frameSteps, batch, seed, lr, param,
        decorrelate, transforms, interpolate);
  }

  public JobSpec withSeed(long value) {
    return new JobSpec(model, objective, size, steps, thresholds, batch, value, lr, param,
        decorrelate, transforms, interpolate);
  }

  public JobSpec withBatch(int value) {
    return new JobSpec(model, objective, size, steps, thresholds, value, seed, lr, param,
        decorrelate, transforms, interpolate);
  }
}
