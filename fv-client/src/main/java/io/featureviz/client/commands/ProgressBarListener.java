package io.featureviz.client.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.jobs.JobEventListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A progress bar on stderr for one job, moved by its events. */
final class ProgressBarListener implements JobEventListener, AutoCloseable {

  private final ProgressBar bar;

  ProgressBarListener(String task, int steps) {
    bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(steps)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
  }

  @Override
  public void onEvent(String name, JsonNode data) {
    switch (name) {
      case "progress", "status" -> {
        if (data.path("steps").asInt() > 0) {
          bar.maxHint(data.path("steps").asInt());
        }
        bar.stepTo(Math.max(bar.getCurrent(), data.path("step").asInt()));
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
