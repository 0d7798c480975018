package io.featureviz.client.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.jobs.JobEventListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on stderr for one job or sweep, moved by its events: the count of {@code done}
 * out of {@code total}, two fields of the event data (or the view, when polling).
 */
final class ProgressBarListener implements JobEventListener, AutoCloseable {

  private final ProgressBar bar;
  private final String done;
  private final String total;

  private ProgressBarListener(String task, int max, String done, String total) {
    this.done = done;
    this.total = total;
    bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
  }

  /** A job's bar: its steps. */
  static ProgressBarListener forJob(String task, int steps) {
    return new ProgressBarListener(task, steps, "step", "steps");
  }

  /** A sweep's bar: its channels that have their image. */
  static ProgressBarListener forSweep(String task, int channels) {
    return new ProgressBarListener(task, channels, "channels_done", "channels_total");
  }

  @Override
  public void onEvent(String name, JsonNode data) {
    switch (name) {
      case "progress", "status" -> {
        if (data.path(total).asInt() > 0) {
          bar.maxHint(data.path(total).asInt());
        }
        bar.stepTo(Math.max(bar.getCurrent(), data.path(done).asInt()));
        if (data.hasNonNull("status")) {
          bar.setExtraMessage(data.get("status").asText());
        }
      }
      case "stream_failed" -> bar.setExtraMessage("polling");
      default -> { }
    }
  }

  @Override
  public void close() {
    bar.close();
  }
}
