package io.featureviz.contracts.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a job computes. */
public enum JobKind {
  /** Optimize images from noise until the objective is high; frames are the images. */
  @JsonProperty("render")
  RENDER,
  /**
   * Rank the images of a dataset by how strongly they drive one channel; frames are the crops of
   * the top images around their most active position.
   */
  @JsonProperty("dataset_examples")
  DATASET_EXAMPLES,
  /**
   * Attribute a class of one image to the channels and positions of a layer and factor its
   * activations into neuron groups; frames are the heatmap, the group maps and the groups'
   * feature visualizations (see {@code ExplainFrames}), the numbers are the job's explanation.
   */
  @JsonProperty("explain")
  EXPLAIN;

  /** The name in JSON and in the {@code jobs.kind} column. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
