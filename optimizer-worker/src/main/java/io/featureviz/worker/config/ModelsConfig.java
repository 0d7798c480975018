package io.featureviz.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where the engine finds catalog models that are not on the class path ({@code FV_MODELS_DIR}). */
@ConfigMapping(prefix = "fv.models")
public interface ModelsConfig {

  @WithDefault("../shared/models")
  Path dir();
}
