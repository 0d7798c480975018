package io.featureviz.api.models;

import io.featureviz.api.ApiConfig;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;

/**
 * Gives the engine {@code fv.cache-dir} at start, before an upload or a catalog model makes it
 * load TensorFlow's natives.
 */
class EngineCacheDir {

  void apply(@Observes StartupEvent start, ApiConfig config) {
    config.cacheDir().ifPresent(TensorFlowRuntime::useCacheDir);
  }
}
