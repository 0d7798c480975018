package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.FrameHeaders.ExampleSource;
import io.featureviz.optvis.examples.CropBox;
import io.featureviz.optvis.examples.DatasetExample;
import io.featureviz.optvis.examples.DatasetExampleSearch;
import io.featureviz.optvis.examples.ScoredImage;
import io.featureviz.optvis.examples.TopScoredImages;
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
 * Runs a dataset-examples job: scores every image of the dataset against the job's channel, one
 * at a time, keeping only scores, then fetches the top k again and sends their crops as frames.
 * A large dataset so costs one decoded image of memory at a time.
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
    try (search) {
      int inputSize = model.info().inputSize();
      TopScoredImages top = new TopScoredImages(spec.topK());
      double best = Double.NaN;
      int scored = 0;
      for (String key : keys) {
        if (cancel.shouldStop()) {
          return JobOutcome.cancelled(scored);
        }
        String name = key.substring(spec.prefix().length());
        try {
          ScoredImage image = search.score(name, read(key, name, inputSize).image());
          top.offer(image);
          best = Double.isNaN(best) ? image.maxActivation() : Math.max(best, image.maxActivation());
        } catch (IOException e) {
          // job-api validated every image; one that fails now is damaged, not a reason to stop
          LOG.warnf("job %s: skipping %s: %s", job.id(), key, e.getMessage());
        }
        scored++;
        progress.offer(scored, best);
      }
      List<ScoredImage> ranked = top.ranked();
      if (ranked.isEmpty()) {
        return JobOutcome.failed("none of the " + keys.size() + " images of dataset "
            + spec.dataset() + " could be read");
      }
      sendExamples(job, search, ranked, inputSize);
      return JobOutcome.succeeded(job.request().steps());
    }
  }

  private DatasetImageReader.Decoded read(String key, String name, int inputSize)
      throws IOException {
    return DatasetImageReader.read(bucket.bytes(key), name, inputSize);
  }

  private void sendExamples(DecodedJob job, DatasetExampleSearch search,
      List<ScoredImage> ranked, int inputSize) {
    String prefix = job.request().examples().prefix();
    for (int rank = 0; rank < ranked.size(); rank++) {
      ScoredImage scored = ranked.get(rank);
      String key = prefix + scored.name();
      DatasetImageReader.Decoded decoded;
      try {
        decoded = read(key, scored.name(), inputSize);
      } catch (IOException e) {
        // read a moment ago; failing now is the store's fault, and a retry of the job may pass
        throw new IllegalStateException("dataset image " + key + " cannot be read again: "
            + e.getMessage(), e);
      }
      DatasetExample example = search.example(scored, decoded.image(), rank);
      CropBox box = decoded.toOriginal(example.box());
      FrameHeaders headers = new FrameHeaders(job.id(), job.request().tenant(),
          job.request().steps(), rank, true, scored.maxActivation(), CROP_SIZE, CROP_SIZE,
          new ExampleSource(scored.name(), key, decoded.width(), decoded.height(),
              box.x(), box.y(), box.width(), box.height()));
      frames.send(headers, PngEncoder.encode(example.crop()));
    }
  }
}
