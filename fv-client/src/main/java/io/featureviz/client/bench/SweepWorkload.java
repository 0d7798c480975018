package io.featureviz.client.bench;

import io.featureviz.client.jobs.JobSpec;
import io.featureviz.client.sweeps.SweepSpec;
import java.util.List;

/**
 * One sweep the sweep bench measures: channels of one layer (null: all of them) at one size.
 *
 * @param channels ranges such as {@code 0-63}; null for the whole layer
 */
public record SweepWorkload(String model, String layer, String channels, int size) {

  public SweepWorkload withChannels(String value) {
    return new SweepWorkload(model, layer, value, size);
  }

  SweepSpec sweep(int steps, long seed) {
    return SweepSpec.of(model, List.of(layer)).withChannels(channels)
        .withRender(size, steps, seed);
  }

  /** One channel as an ordinary job with the sweep's settings (the API's default thresholds). */
  JobSpec single(int channel, int steps, long seed) {
    return JobSpec.of(model, layer + ":" + channel).withSize(size).withSteps(steps, null)
        .withSeed(seed);
  }

  @Override
  public String toString() {
    return model + " " + layer + " channels " + (channels != null ? channels : "all") + " at "
        + size + " px";
  }
}
