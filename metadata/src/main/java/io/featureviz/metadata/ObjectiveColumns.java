package io.featureviz.metadata;

import io.featureviz.contracts.objective.Channel;
import io.featureviz.contracts.objective.Neuron;
import io.featureviz.contracts.objective.Objective;
import io.featureviz.contracts.objective.ObjectiveSpec;
import java.util.List;

/**
 * The queryable columns derived from a job's objective: its canonical text (so that equal
 * objectives written differently match), the first layer it reads, the channel when the
 * objective is a single channel or neuron ("channel 97 of mixed4"), and each batch element's
 * own objective in canonical text (one entry when all elements share it), so that a channel
 * rendered as one element of a batched job is found as one rendered alone.
 */
public record ObjectiveColumns(String objective, String layer, Integer channel,
    List<String> elements) {

  public ObjectiveColumns {
    elements = List.copyOf(elements);
  }

  /** Columns of an objective in grammar text; text that does not parse is kept as it is. */
  public static ObjectiveColumns of(String grammar) {
    ObjectiveSpec spec;
    try {
      spec = ObjectiveSpec.parse(grammar);
    } catch (IllegalArgumentException e) {
      // Requests from plain producers are not validated; keep them findable by their text.
      return new ObjectiveColumns(grammar, null, null, List.of(grammar));
    }
    return of(spec);
  }

  public static ObjectiveColumns of(ObjectiveSpec spec) {
    String layer = spec.referencedLayers().stream().findFirst().orElse(null);
    return new ObjectiveColumns(spec.toGrammar(), layer, singleChannel(spec),
        spec.perBatch().stream().map(Objective::toGrammar).toList());
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
