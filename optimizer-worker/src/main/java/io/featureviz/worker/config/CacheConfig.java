package io.featureviz.worker.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Where the engine extracts TensorFlow's natives ({@code FV_CACHE_DIR}). */
@ConfigMapping(prefix = "fv.cache")
public interface CacheConfig {

  /** Unset: the engine's default, {@code ~/.cache/featureviz}. */
  Optional<Path> dir();
}
