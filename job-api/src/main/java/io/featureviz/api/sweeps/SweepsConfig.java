package io.featureviz.api.sweeps;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of sweeps; each key can be set by environment, e.g. FV_API_SWEEPS_SHARD_IMAGES. */
@ConfigMapping(prefix = "fv.api.sweeps")
public interface SweepsConfig {

  /**
   * The most channels one shard job renders (its batch): the workers' {@code fv.worker.max-batch},
   * so that a shard fills one pack. Fewer where the model's memory estimate at the sweep's size
   * would exceed {@code fv.limits.render-memory}.
   */
  @WithDefault("8")
  int shardImages();

  /**
   * The most channels one sweep may have; more is refused (400). A whole model is thousands
   * (inception_v3 3136, mobilenet_v2 21130 over its 65 layers), and each is a row of the sweep.
   */
  @WithDefault("50000")
  int maxChannels();

  /** How long after a failed publication the shards not yet published are published again. */
  @WithDefault("30s")
  Duration republishDelay();

  /**
   * How long a channel whose job succeeded may wait for its final image before the sweep counts
   * it failed. The sink stores frames and statuses from separate topics, so an image may come a
   * moment after its job's status; one that never comes must not leave the sweep running for
   * ever. An image stored later still counts.
   */
  @WithDefault("5m")
  Duration imageGrace();
}
