package io.featureviz.contracts.objective;

import java.util.Objects;

/** Softmax probability of a class. Grammar: {@code softmax:CLASS}. */
public record ClassProbability(ClassRef cls) implements ClassTerm {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "softmax";

  public ClassProbability {
    Objects.requireNonNull(cls, "cls");
  }

  @Override
  public String toGrammar() {
    return "softmax:" + cls.toGrammar();
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
