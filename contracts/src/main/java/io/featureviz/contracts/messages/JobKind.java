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
  DATASET_EXAMPLES;

  /** The name in JSON and in the {@code jobs.kind} column. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
