package io.featureviz.metadata;

import io.featureviz.contracts.objective.Channel;
import io.featureviz.contracts.objective.Neuron;
import io.featureviz.contracts.objective.Objective;
import io.featureviz.contracts.objective.ObjectiveSpec;

/**
 * The queryable columns derived from a job's objective: its canonical text (so that equal
 * objectives written differently match), the first layer it reads, and the channel when the
 * objective is a single channel or neuron ("channel 97 of mixed4").
 */
public record ObjectiveColumns(String objective, String layer, Integer channel) {

  /** Columns of an objective in grammar text; text that does not parse is kept as it is. */
  public static ObjectiveColumns of(String grammar) {
    ObjectiveSpec spec;
    try {
      spec = ObjectiveSpec.parse(grammar);
    } catch (IllegalArgumentException e) {
      // Requests from plain producers are not validated; keep them findable by their text.
      return new ObjectiveColumns(grammar, null, null);
    }
    return of(spec);
  }

  public static ObjectiveColumns of(ObjectiveSpec spec) {
    String layer = spec.referencedLayers().stream().findFirst().orElse(null);
    return new ObjectiveColumns(spec.toGrammar(), layer, singleChannel(spec));
  }

  private static Integer singleChannel(ObjectiveSpec spec) {
    if (spec.isPerBatchElement()) {
      return null;
    }
    Objective objective = spec.perBatch().get(0);
    if (objective instanceof Channel channel) {
      return channel.channel();
    }
    if (objective instanceof Neuron neuron) {
      return neuron.channel();
    }
    return null;
  }
}
