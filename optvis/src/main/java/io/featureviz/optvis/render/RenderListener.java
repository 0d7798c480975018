package io.featureviz.optvis.render;

/** Hears about a render as it runs: every step for progress, every threshold for images. */
public interface RenderListener {

  RenderListener NONE = new RenderListener() {};

  /** After step {@code stepsDone} (1-based) with each batch element's objective value. */
  default void onStep(int stepsDone, float[] objectiveValues) {}

  default void onSnapshot(Snapshot snapshot) {}

  /** Polled before every step; true stops the render, which then ends as cancelled. */
  default boolean isCancelled() {
    return false;
  }

  /**
   * Once, as soon as this member of a pack ({@link RenderGraphCache#render(
   * io.featureviz.optvis.model.ImageModel, RenderPack, java.util.List)}) has ended: a member
   * cancelled or failing mid-pack hears it then, not when the pack's last member ends.
   */
  default void onEnd(PackedResult result) {}
}
