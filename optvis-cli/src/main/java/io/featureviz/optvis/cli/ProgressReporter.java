package io.featureviz.optvis.cli;

import io.featureviz.optvis.render.RenderListener;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr: steps, steps per second and the current objective value. */
final class ProgressReporter implements RenderListener, AutoCloseable {

  private final ProgressBar bar;

  ProgressReporter(String task, int steps, boolean quiet) {
    bar = quiet ? null : new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(steps)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" steps", 1)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setUpdateIntervalMillis(250)
        .build();
  }

  @Override
  public void onStep(int stepsDone, float[] objectiveValues) {
    if (bar != null) {
      double mean = 0;
      for (float v : objectiveValues) {
        mean += v / objectiveValues.length;
      }
      bar.stepTo(stepsDone);
      bar.setExtraMessage(String.format(Locale.ROOT, " objective %.4g", mean));
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
