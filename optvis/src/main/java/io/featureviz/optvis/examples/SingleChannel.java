package io.featureviz.optvis.examples;

import io.featureviz.contracts.objective.Channel;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.objectives.ObjectiveChecks;

/**
 * The one channel a dataset-example search ranks by. Only a bare {@code LAYER:CH} qualifies: a
 * neuron, class or whole-layer objective has no single activation map to locate, a sum mixes
 * maps, and a scaled channel would either rank exactly like the bare one or, negated, ask for the
 * images that drive it least, which is another search.
 */
final class SingleChannel {

  private SingleChannel() {}

  /** @throws IllegalArgumentException unless {@code spec} is one valid channel of the model */
  static Channel of(ObjectiveSpec spec, ModelInfo model) {
    if (spec.perBatch().size() != 1 || !(spec.perBatch().get(0) instanceof Channel channel)) {
      throw new IllegalArgumentException("dataset examples need exactly one channel, LAYER:CH"
          + " such as mixed4:97, not '" + spec.toGrammar() + "' (sums, scales, neurons, classes"
          + " and whole layers have no single activation map to rank images by)");
    }
    ObjectiveChecks.requireValid(spec, model, 1);
    return channel;
  }
}
