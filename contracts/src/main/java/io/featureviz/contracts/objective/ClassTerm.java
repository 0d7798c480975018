package io.featureviz.contracts.objective;

/** An objective on one class output of a classifier. */
public sealed interface ClassTerm extends Objective permits ClassLogit, ClassProbability {

  ClassRef cls();
}
