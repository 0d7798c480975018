package io.featureviz.contracts.objective;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The objective of a whole run. One objective applies to every batch element; several
 * (grammar {@code a; b; c}) give batch element i the objective {@code perBatch.get(i)}, which
 * is how interpolations between two units are rendered in one batch.
 */
public record ObjectiveSpec(List<Objective> perBatch) {

  public ObjectiveSpec {
    perBatch = List.copyOf(perBatch);
    if (perBatch.isEmpty()) {
      throw new IllegalArgumentException("an objective spec needs at least one objective");
    }
  }

  /** One objective for every batch element. */
  public static ObjectiveSpec of(Objective objective) {
    return new ObjectiveSpec(List.of(objective));
  }

  public static ObjectiveSpec parse(String grammar) {
    return ObjectiveParser.parse(grammar);
  }

  public boolean isPerBatchElement() {
    return perBatch.size() > 1;
  }

  /** Whether this spec can drive a batch of {@code batchSize} images. */
  public boolean fitsBatchSize(int batchSize) {
    return perBatch.size() == 1 || perBatch.size() == batchSize;
  }

  /** @throws IllegalArgumentException when the number of ';'-separated parts does not match */
  public void checkBatchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    if (!fitsBatchSize(batchSize)) {
      throw new IllegalArgumentException(batchMismatch(batchSize));
    }
  }

  String batchMismatch(int batchSize) {
    return "the objective has "
        + perBatch.size()
        + " ';'-separated parts but the batch size is "
        + batchSize
        + " (give one objective for the whole batch, or exactly "
        + batchSize
        + ")";
  }

  /**
   * The objective of batch element {@code batchIndex}: the single objective when there is one,
   * otherwise the part at that index.
   *
   * @throws IllegalArgumentException when the batch size does not fit or the index is outside it
   */
  public Objective objectiveFor(int batchIndex, int batchSize) {
    checkBatchSize(batchSize);
    if (batchIndex < 0 || batchIndex >= batchSize) {
      throw new IllegalArgumentException(
          "batch index " + batchIndex + " outside batch of " + batchSize);
    }
    return perBatch.size() == 1 ? perBatch.get(0) : perBatch.get(batchIndex);
  }

  /** Layers read by any batch element's objective, in order of first mention. */
  public Set<String> referencedLayers() {
    Set<String> layers = new LinkedHashSet<>();
    perBatch.forEach(objective -> layers.addAll(objective.referencedLayers()));
    return layers;
  }

  public boolean referencesClasses() {
    return perBatch.stream().anyMatch(Objective::referencesClasses);
  }

  /** Canonical grammar text; {@link #parse} of it gives an equal spec. */
  public String toGrammar() {
    return perBatch.stream().map(Objective::toGrammar).collect(Collectors.joining("; "));
  }
}
