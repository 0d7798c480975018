package io.featureviz.contracts.objective;

import java.util.Objects;

/** Pre-softmax logit of a class. Grammar: {@code logit:CLASS}. */
public record ClassLogit(ClassRef cls) implements ClassTerm {

  public ClassLogit {
    Objects.requireNonNull(cls, "cls");
  }

  @Override
  public String toGrammar() {
    return "logit:" + cls.toGrammar();
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
