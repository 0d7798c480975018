package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.optvis.render.PackedResult;
import io.featureviz.optvis.render.RenderListener;
import io.featureviz.optvis.render.Snapshot;
import io.featureviz.worker.jobs.Cancellations.CancelFlag;
import io.featureviz.worker.publish.FramePublisher;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;

/** Turns one render's steps and snapshots into progress events and frames. */
final class JobRenderListener implements RenderListener {

  private final DecodedJob job;
  private final int size;
  private final IntUnaryOperator batchIndex;
  private final CancelFlag cancel;
  private final FramePublisher frames;
  private final ProgressThrottle progress;
  private final Consumer<PackedResult> ended;

  /**
   * @param batchIndex the frame's batch index for each element of the rendered batch: the
   *     identity for a render job, where the job's frames come after others for an explain job
   * @param ended hears a pack member's end as soon as it comes (not called for other renders)
   */
  JobRenderListener(DecodedJob job, int size, IntUnaryOperator batchIndex, CancelFlag cancel,
      FramePublisher frames, ProgressThrottle progress, Consumer<PackedResult> ended) {
    this.job = job;
    this.size = size;
    this.batchIndex = batchIndex;
    this.cancel = cancel;
    this.frames = frames;
    this.progress = progress;
    this.ended = ended;
  }

  @Override
  public void onStep(int stepsDone, float[] objectiveValues) {
    progress.offer(stepsDone, mean(objectiveValues));
  }

  @Override
  public void onSnapshot(Snapshot snapshot) {
    for (int i = 0; i < snapshot.images().size(); i++) {
      FrameHeaders headers = new FrameHeaders(job.id(), job.request().tenant(), snapshot.step(),
          batchIndex.applyAsInt(i), snapshot.isFinal(), snapshot.objectiveValues()[i], size,
          size);
      frames.send(headers, snapshot.images().get(i));
    }
  }

  @Override
  public boolean isCancelled() {
    return cancel.shouldStop();
  }

  @Override
  public void onEnd(PackedResult result) {
    ended.accept(result);
  }

  private static double mean(float[] values) {
    double sum = 0;
    for (float value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
