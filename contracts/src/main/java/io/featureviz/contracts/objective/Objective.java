package io.featureviz.contracts.objective;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One node of an objective: a quantity of the network's activations (or of the image) that
 * optimisation maximises. The set of node kinds is closed so that the engine, the JSON form and
 * the validator can each handle every kind; {@link ObjectiveVisitor} makes that exhaustive.
 */
public sealed interface Objective
    permits LayerTerm, ClassTerm, L1, L2, TotalVariation, Blur, Sum, Scaled {

  /** Canonical grammar text; {@link ObjectiveParser#parseObjective} of it gives an equal node. */
  String toGrammar();

  <R> R accept(ObjectiveVisitor<R> visitor);

  /** Direct sub-objectives (only {@link Sum} and {@link Scaled} have any). */
  default List<Objective> children() {
    return List.of();
  }

  /** This node and all nodes below it, parents before children. */
  default Stream<Objective> nodes() {
    return Stream.concat(Stream.of(this), children().stream().flatMap(Objective::nodes));
  }

  /** Layers whose activations this objective reads, in order of first mention. */
  default Set<String> referencedLayers() {
    return nodes()
        .filter(LayerTerm.class::isInstance)
        .map(node -> ((LayerTerm) node).layer())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Whether this objective needs the model's class outputs (logits or probabilities). */
  default boolean referencesClasses() {
    return nodes().anyMatch(ClassTerm.class::isInstance);
  }
}
