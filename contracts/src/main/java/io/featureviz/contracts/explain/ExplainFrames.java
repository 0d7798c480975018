package io.featureviz.contracts.explain;

/**
 * Which frame of an explain job is which, by batch index: the heatmap, then each neuron group's
 * map over the image, then each group's feature visualization (with intermediate frames at the
 * job's thresholds like any render). The maps are final frames at step 0.
 */
public final class ExplainFrames {

  public static final int HEATMAP = 0;

  private ExplainFrames() {}

  /** Batch index of group {@code group}'s spatial map. */
  public static int groupMap(int group) {
    return 1 + group;
  }

  /** Batch index of group {@code group}'s feature visualization, among {@code groups} groups. */
  public static int groupVisualization(int group, int groups) {
    return 1 + groups + group;
  }
}
