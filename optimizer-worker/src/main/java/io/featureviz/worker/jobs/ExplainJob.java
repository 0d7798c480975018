package io.featureviz.worker.jobs;

import io.featureviz.contracts.explain.ExplainFrames;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.optvis.attribution.ExplainOptions;
import io.featureviz.optvis.attribution.ExplainResult;
import io.featureviz.optvis.attribution.Explainer;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.PngEncoder;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.worker.jobs.Cancellations.CancelFlag;
import io.featureviz.worker.publish.FramePublisher;
import io.featureviz.worker.storage.BucketReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * Runs an explain job: the engine's {@link Explainer} on the image in the bucket; the heatmap and
 * the neuron groups' maps go out as final frames at step 0, then the groups' feature
 * visualizations are rendered as one batch like a render job's; batch indices follow
 * {@link ExplainFrames}. The numbers travel on the SUCCEEDED event.
 */
@ApplicationScoped
public class ExplainJob {

  private final BucketReader bucket;
  private final FramePublisher frames;
  private final JobRendering rendering;

  ExplainJob(BucketReader bucket, FramePublisher frames, JobRendering rendering) {
    this.bucket = bucket;
    this.frames = frames;
    this.rendering = rendering;
  }

  JobOutcome run(DecodedJob job, ImageModel model, CancelFlag cancel, ProgressThrottle progress) {
    ExplainSpec spec = job.request().explain();
    RgbImage image;
    try {
      image = ImageLoader.readSubsampled(bucket.bytes(spec.imageKey()), spec.image(),
          2 * model.info().inputSize()).pixels();
    } catch (IOException e) {
      return JobOutcome.failed("image " + spec.image() + " cannot be read: " + e.getMessage());
    }
    ExplainResult result;
    try (Explainer explainer = new Explainer(model, spec.layer())) {
      result = explainer.explain(spec.image(), image, new ExplainOptions(spec.classIndex(),
          spec.method(), spec.igSteps(), spec.groups(), null, job.request().seed()));
    } catch (IllegalArgumentException e) {
      return JobOutcome.failed("invalid explain job: " + e.getMessage());
    }
    Explanation explanation = result.explanation();
    int groups = result.groupMaps().size();
    send(job, ExplainFrames.HEATMAP, explanation.explained().logit(), result.heatmap());
    for (int g = 0; g < groups; g++) {
      send(job, ExplainFrames.groupMap(g), explanation.groups().get(g).attribution(),
          result.groupMaps().get(g));
    }
    if (result.groupVisualizations().isEmpty()) {
      return JobOutcome.explained(job.request().steps(), explanation);
    }
    JobOutcome rendered = rendering.render(job, model, result.groupVisualizations().get(), groups,
        g -> ExplainFrames.groupVisualization(g, groups), cancel, progress);
    return rendered.status() == JobStatus.SUCCEEDED
        ? JobOutcome.explained(rendered.stepsDone(), explanation)
        : rendered;
  }

  /**
   * A picture over the image, final at step 0; its objective value is what it shows the
   * attribution of: the explained class's logit for the heatmap, its attribution for a group.
   */
  private void send(DecodedJob job, int batchIndex, double value, RgbImage picture) {
    frames.send(new FrameHeaders(job.id(), job.request().tenant(), 0, batchIndex, true, value,
        picture.width(), picture.height()), PngEncoder.encode(picture));
  }
}
