package io.featureviz.api.sweeps;

import io.featureviz.api.jobs.RenderSettings;
import io.featureviz.contracts.render.RenderDefaults;
import java.util.List;

/**
 * The render settings every channel of a sweep shares, defaults filled in (thresholds too), as
 * the view shows them and {@code sweeps.settings} keeps them.
 */
public record SweepSettings(int size, int steps, List<Integer> thresholds, long seed, double lr,
    String param, boolean decorrelate, String transforms) {

  static SweepSettings of(RenderSettings settings) {
    return new SweepSettings(settings.size(), settings.steps(),
        settings.thresholds().isEmpty() ? RenderDefaults.defaultThresholds(settings.steps())
            : settings.thresholds(), settings.seed(), settings.lr(), settings.param(),
        settings.decorrelate(), settings.transforms());
  }
}
