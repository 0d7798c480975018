package io.featureviz.optvis.testing;

import io.featureviz.optvis.runtime.TensorFlowRuntime;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Loads TensorFlow the engine's way when a test JVM starts, before any test class touches it.
 * TensorFlow settles which CPU kernels it uses as its library loads, and the runtime chooses
 * them first ({@link TensorFlowRuntime}): a test that built a graph of its own before that would
 * leave every later test in the JVM on the other kernels (the pinned bytes and the pack rule
 * would then fail on CPUs where TensorFlow does not pick oneDNN itself).
 */
public final class TensorFlowLoadedFirst implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    TensorFlowRuntime.ensureLoaded();
  }
}
