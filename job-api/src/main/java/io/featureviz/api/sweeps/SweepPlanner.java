package io.featureviz.api.sweeps;

import io.featureviz.api.jobs.JobSubmissionReader;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.objective.Channel;
import io.featureviz.contracts.objective.Objective;
import io.featureviz.contracts.objective.ObjectiveSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Splits a sweep into jobs: a channel the tenant already has an image of (same model, channel
 * and settings) points at that image, one that another of its sweeps renders now at that job's
 * frame to come; the others are rendered by shards, ordinary render jobs of one layer whose
 * objective is the list {@code L:c0; L:c1; ...} (one channel per batch element, recorded per
 * element by the sink), at most {@link SweepSubmission#shardImages()} channels each. Dataset
 * examples, when asked for, are one search per channel of the layers with positions (a
 * dataset-examples job reads one channel), reused as images are.
 */
@ApplicationScoped
class SweepPlanner {

  /** The plan, from the images, renders and searches recorded, read through {@code connection}. */
  SweepPlan plan(SweepSubmission submission, Connection connection) throws SQLException {
    Instant now = Instant.now();
    Map<String, SweepRepository.FrameRef> reusable = SweepRepository.reusable(connection,
        submission.tenant(), submission.model().id(), submission.settings(),
        submission.layers().stream()
            .flatMap(l -> l.channels().stream().map(c -> element(l.layer(), c))).toList());
    Map<String, SweepRepository.FrameRef> rendering = rendering(submission, connection);
    List<SweepChannel> channels = new ArrayList<>();
    List<JobRequest> shards = new ArrayList<>();
    for (SweepSubmission.LayerChannels layer : submission.layers()) {
      List<SweepChannel> ofLayer = new ArrayList<>();
      List<Integer> toRender = new ArrayList<>();
      for (int channel : layer.channels()) {
        String element = element(layer.layer(), channel);
        SweepRepository.FrameRef frame = reusable.getOrDefault(element, rendering.get(element));
        if (frame == null) {
          toRender.add(channel);
        } else {
          ofLayer.add(new SweepChannel(0, layer.layer(), channel, frame.jobId(),
              frame.batchIndex(), true, null));
        }
      }
      for (int from = 0; from < toRender.size(); from += submission.shardImages()) {
        List<Integer> shard =
            toRender.subList(from, Math.min(toRender.size(), from + submission.shardImages()));
        JobRequest request = shard(submission, layer.layer(), shard, now);
        shards.add(request);
        for (int i = 0; i < shard.size(); i++) {
          ofLayer.add(new SweepChannel(0, layer.layer(), shard.get(i), request.id(), i, false,
              null));
        }
      }
      // the view's order: channels ascending within the layer, whether reused or rendered
      ofLayer.sort(Comparator.comparingInt(SweepChannel::channel));
      for (SweepChannel channel : ofLayer) {
        channels.add(new SweepChannel(channels.size(), channel.layer(), channel.channel(),
            channel.jobId(), channel.batchIndex(), channel.reused(), null));
      }
    }
    if (submission.examples().isPresent()) {
      channels = withSearches(submission, channels, shards, connection);
    }
    SweepRow sweep = new SweepRow(UUID.randomUUID().toString(), submission.tenant(),
        submission.model().id(),
        submission.layers().stream().map(SweepSubmission.LayerChannels::layer).toList(),
        submission.allLayers(), submission.channels(), submission.settings(),
        submission.examples().map(e -> new SweepExamples(e.dataset().id(), e.topK()))
            .orElse(null), null, now, now);
    return new SweepPlan(sweep, channels, shards);
  }

  /**
   * The channels that another of the tenant's live sweeps renders now with the same settings:
   * shared, so that identical sweeps submitted one after another render each channel once.
   */
  private static Map<String, SweepRepository.FrameRef> rendering(SweepSubmission submission,
      Connection connection) throws SQLException {
    List<String> layers = new ArrayList<>();
    List<Integer> channels = new ArrayList<>();
    for (SweepSubmission.LayerChannels layer : submission.layers()) {
      for (int channel : layer.channels()) {
        layers.add(layer.layer());
        channels.add(channel);
      }
    }
    return SweepRepository.rendering(connection, submission.tenant(), submission.model().id(),
        submission.settings(), layers, channels);
  }

  /**
   * The channels, each of a layer with positions with its dataset search: the tenant's finished
   * search of the same dataset, channel and top_k where there is one, else a new one added to
   * the shards.
   */
  private static List<SweepChannel> withSearches(SweepSubmission submission,
      List<SweepChannel> channels, List<JobRequest> shards, Connection connection)
      throws SQLException {
    SweepSubmission.Examples examples = submission.examples().orElseThrow();
    List<String> searchable = submission.layers().stream()
        .filter(SweepSubmission.LayerChannels::searchable)
        .map(SweepSubmission.LayerChannels::layer).toList();
    Map<String, String> finished = SweepRepository.reusableSearches(connection,
        submission.tenant(), submission.model().id(), examples.dataset(), examples.topK(),
        channels.stream()
            .filter(c -> searchable.contains(c.layer()))
            .map(c -> element(c.layer(), c.channel())).toList());
    List<SweepChannel> searched = new ArrayList<>();
    for (SweepChannel channel : channels) {
      if (!searchable.contains(channel.layer())) {
        searched.add(channel);
        continue;
      }
      String element = element(channel.layer(), channel.channel());
      String searchId = finished.get(element);
      if (searchId == null) {
        JobRequest search = JobSubmissionReader.datasetExamples(submission.tenant(),
            submission.model(), element, examples.dataset(), examples.topK());
        shards.add(search);
        searchId = search.id();
      }
      searched.add(new SweepChannel(channel.position(), channel.layer(), channel.channel(),
          channel.jobId(), channel.batchIndex(), channel.reused(), searchId));
    }
    return searched;
  }

  private static JobRequest shard(SweepSubmission submission, String layer,
      List<Integer> channels, Instant now) {
    List<Objective> elements = channels.stream()
        .<Objective>map(channel -> new Channel(layer, channel)).toList();
    SweepSettings settings = submission.settings();
    return new JobRequest(Messages.VERSION, UUID.randomUUID().toString(), submission.tenant(),
        submission.model().id(), new ObjectiveSpec(elements).toGrammar(), settings.size(),
        settings.steps(), settings.thresholds(), channels.size(), settings.seed(), settings.lr(),
        settings.param(), settings.decorrelate(), settings.transforms(), now.toEpochMilli());
  }

  /** A channel's objective as {@code jobs.element_objectives} holds it (canonical text). */
  private static String element(String layer, int channel) {
    return new Channel(layer, channel).toGrammar();
  }
}
