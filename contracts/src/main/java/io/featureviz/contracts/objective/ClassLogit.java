package io.featureviz.contracts.objective;

import java.util.Objects;

/** Pre-softmax logit of a class. Grammar: {@code logit:CLASS}. */
public record ClassLogit(ClassRef cls) implements ClassTerm {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "logit";

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
