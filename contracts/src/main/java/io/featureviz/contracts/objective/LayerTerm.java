package io.featureviz.contracts.objective;

/** An objective that reads the activations of one named layer. */
public sealed interface LayerTerm extends Objective
    permits Channel, Neuron, LayerObjective, Direction, Diversity {

  String layer();
}
