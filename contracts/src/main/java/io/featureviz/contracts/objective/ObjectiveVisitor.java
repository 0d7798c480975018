package io.featureviz.contracts.objective;

/** One method per objective kind, so that adding a kind breaks every handler at compile time. */
public interface ObjectiveVisitor<R> {

  R visit(Channel channel);

  R visit(Neuron neuron);

  R visit(LayerObjective layer);

  R visit(Direction direction);

  R visit(ClassLogit logit);

  R visit(ClassProbability probability);

  R visit(Diversity diversity);

  R visit(L1 l1);

  R visit(L2 l2);

  R visit(TotalVariation totalVariation);

  R visit(Blur blur);

  R visit(Sum sum);

  R visit(Scaled scaled);
}
