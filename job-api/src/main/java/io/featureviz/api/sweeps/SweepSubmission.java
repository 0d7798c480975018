package io.featureviz.api.sweeps;

import io.featureviz.api.datasets.DatasetRow;
import io.featureviz.contracts.messages.ModelDescription;
import java.util.List;
import java.util.Optional;

/**
 * A valid {@code POST /v1/sweeps}: the channels to render, layer by layer in the model's order,
 * and how.
 *
 * @param allLayers asked as {@code "all"}
 * @param channels the ranges as asked; null for every channel
 * @param shardImages the most channels one shard renders: the setting, or fewer where the
 *     model's memory estimate at this size requires
 * @param examples the dataset to search per channel, and how many images to keep
 */
record SweepSubmission(String tenant, ModelDescription model, List<LayerChannels> layers,
    boolean allLayers, String channels, SweepSettings settings, int shardImages,
    Optional<Examples> examples) {

  /**
   * The channels of one layer, ascending; {@code searchable}: the layer has positions, so its
   * channels get a dataset search when examples are asked for.
   */
  record LayerChannels(String layer, List<Integer> channels, boolean searchable) {}

  /** What to search per channel of a layer with positions. */
  record Examples(DatasetRow dataset, int topK) {}

  int channelCount() {
    return layers.stream().mapToInt(l -> l.channels().size()).sum();
  }
}
