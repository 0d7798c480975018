package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.FrameHeaders.ExampleSource;
import io.featureviz.optvis.examples.CropBox;
import io.featureviz.optvis.examples.DatasetExample;
import io.featureviz.optvis.examples.DatasetExampleSearch;
import io.featureviz.optvis.examples.ExampleSearchListener;
import io.featureviz.optvis.examples.ExampleSearchResult;
import io.featureviz.optvis.examples.ScoredImage;
import io.featureviz.optvis.image.ImageSource;
import io.featureviz.optvis.image.PngEncoder;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.worker.jobs.Cancellations.CancelFlag;
import io.featureviz.worker.publish.FramePublisher;
import io.featureviz.worker.storage.BucketReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs a dataset-examples job: the engine's {@link DatasetExampleSearch} over the dataset's
 * objects in the bucket, its examples sent as frames. The search keeps only scores while it goes
 * through the images, so a large dataset costs one decoded image of memory at a time.
 */
@ApplicationScoped
public class DatasetExamplesJob {

  private static final Logger LOG = Logger.getLogger(DatasetExamplesJob.class);
  /** Side of the crop frames in pixels: enough to see the detail, small enough for a grid. */
  static final int CROP_SIZE = 128;

  private final BucketReader bucket;
  private final FramePublisher frames;

  DatasetExamplesJob(BucketReader bucket, FramePublisher frames) {
    this.bucket = bucket;
    this.frames = frames;
  }

  JobOutcome run(DecodedJob job, ImageModel model, CancelFlag cancel, ProgressThrottle progress) {
    DatasetExamplesSpec spec = job.request().examples();
    List<String> keys = bucket.keys(spec.prefix());
    if (keys.isEmpty()) {
      return JobOutcome.failed("dataset " + spec.dataset() + " has no images (" + spec.prefix()
          + ")");
    }
    DatasetExampleSearch search;
    try {
      search = new DatasetExampleSearch(model, job.objective(), CROP_SIZE);
    } catch (IllegalArgumentException e) {
      return JobOutcome.failed("invalid dataset_examples job: " + e.getMessage());
    }
    List<ImageSource> images = keys.stream().map(key -> ImageSource.of(
        key.substring(spec.prefix().length()), () -> bucket.bytes(key))).toList();
    ExampleSearchResult result;
    try (search) {
      result = search.search(images, spec.topK(), listener(job, cancel, progress));
    } catch (IOException e) {
      // an image kept was read a moment ago; failing now is the store's fault, and a retry of
      // the job may pass
      throw new IllegalStateException("dataset " + spec.dataset() + ": " + e.getMessage(), e);
    }
    if (result.cancelled()) {
      return JobOutcome.cancelled(result.imagesDone());
    }
    if (result.examples().isEmpty()) {
      return JobOutcome.failed("none of the " + keys.size() + " images of dataset "
          + spec.dataset() + " could be read");
    }
    result.examples().forEach(example -> send(job, example));
    return JobOutcome.succeeded(job.request().steps());
  }

  private static ExampleSearchListener listener(DecodedJob job, CancelFlag cancel,
      ProgressThrottle progress) {
    String prefix = job.request().examples().prefix();
    return new ExampleSearchListener() {
      @Override
      public boolean isCancelled() {
        return cancel.shouldStop();
      }

      @Override
      public void onImage(int imagesDone, double bestActivation) {
        progress.offer(imagesDone, bestActivation);
      }

      @Override
      public void onUnreadable(ImageSource image, IOException e) {
        // job-api validated every image; one that fails now is damaged, not a reason to stop
        LOG.warnf("job %s: skipping %s: %s", job.id(), prefix + image.name(), e.getMessage());
      }
    };
  }

  private void send(DecodedJob job, DatasetExample example) {
    ScoredImage scored = example.scored();
    CropBox box = example.box();
    FrameHeaders headers = new FrameHeaders(job.id(), job.request().tenant(),
        job.request().steps(), example.rank(), true, scored.maxActivation(), CROP_SIZE,
        CROP_SIZE, new ExampleSource(scored.name(), job.request().examples().prefix()
            + scored.name(), scored.sourceWidth(), scored.sourceHeight(), box.x(), box.y(),
            box.width(), box.height()));
    frames.send(headers, PngEncoder.encode(example.crop()));
  }
}
