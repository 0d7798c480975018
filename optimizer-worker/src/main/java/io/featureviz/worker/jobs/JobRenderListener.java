package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.optvis.render.RenderListener;
import io.featureviz.optvis.render.Snapshot;
import io.featureviz.worker.jobs.Cancellations.CancelFlag;
import io.featureviz.worker.publish.EventPublisher;
import io.featureviz.worker.publish.FramePublisher;

/** Turns one render's steps and snapshots into progress events and frames. */
final class JobRenderListener implements RenderListener {

  private final DecodedJob job;
  private final int size;
  private final String worker;
  private final CancelFlag cancel;
  private final EventPublisher events;
  private final FramePublisher frames;
  private final long progressIntervalNanos;
  private long lastProgress;

  JobRenderListener(DecodedJob job, int size, String worker, CancelFlag cancel,
      EventPublisher events, FramePublisher frames, long progressIntervalNanos) {
    this.job = job;
    this.size = size;
    this.worker = worker;
    this.cancel = cancel;
    this.events = events;
    this.frames = frames;
    this.progressIntervalNanos = progressIntervalNanos;
    this.lastProgress = System.nanoTime();
  }

  @Override
  public void onStep(int stepsDone, float[] objectiveValues) {
    long now = System.nanoTime();
    if (now - lastProgress < progressIntervalNanos) {
      return;
    }
    lastProgress = now;
    events.progress(JobEvent.progress(job.id(), stepsDone, job.request().steps(),
        mean(objectiveValues), worker));
  }

  @Override
  public void onSnapshot(Snapshot snapshot) {
    for (int i = 0; i < snapshot.images().size(); i++) {
      FrameHeaders headers = new FrameHeaders(job.id(), job.request().tenant(), snapshot.step(),
          i, snapshot.isFinal(), snapshot.objectiveValues()[i], size, size);
      frames.send(headers, snapshot.images().get(i));
    }
  }

  @Override
  public boolean isCancelled() {
    return cancel.shouldStop();
  }

  private static double mean(float[] values) {
    double sum = 0;
    for (float value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
