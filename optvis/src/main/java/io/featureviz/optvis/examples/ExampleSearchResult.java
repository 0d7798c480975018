package io.featureviz.optvis.examples;

import java.util.List;

/**
 * The outcome of a dataset-example search.
 *
 * @param examples rank 0 first: the top k of the images scored, fewer when fewer were, none
 *     when cancelled
 * @param imagesDone images scored or skipped (fewer than given when cancelled)
 * @param cancelled whether the listener stopped the search
 */
public record ExampleSearchResult(List<DatasetExample> examples, int imagesDone,
    boolean cancelled) {

  public ExampleSearchResult {
    examples = List.copyOf(examples);
  }
}
