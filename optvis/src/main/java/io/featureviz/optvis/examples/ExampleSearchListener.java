package io.featureviz.optvis.examples;

import io.featureviz.optvis.image.ImageSource;
import java.io.IOException;

/** Hears about a dataset-example search as it goes through the images, and may stop it. */
public interface ExampleSearchListener {

  ExampleSearchListener NONE = new ExampleSearchListener() {};

  /** Polled before every image; true stops the search, which then ends as cancelled. */
  default boolean isCancelled() {
    return false;
  }

  /**
   * After each image, scored or skipped.
   *
   * @param imagesDone images scored or skipped so far
   * @param bestActivation the largest activation of any image so far; NaN while none is scored
   */
  default void onImage(int imagesDone, double bestActivation) {}

  /**
   * An image that cannot be read or decoded for scoring. By default the search ends with
   * {@code e}; a listener that returns instead skips the image.
   */
  default void onUnreadable(ImageSource image, IOException e) throws IOException {
    throw e;
  }
}
