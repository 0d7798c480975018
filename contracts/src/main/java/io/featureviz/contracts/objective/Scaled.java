package io.featureviz.contracts.objective;

import java.util.List;
import java.util.Objects;

/** An objective multiplied by a constant. Grammar: {@code 0.5*x}, {@code x*0.5}, {@code -x}. */
public record Scaled(double factor, Objective objective) implements Objective {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "scale";

  public Scaled {
    Grammar.requireFinite("factor", factor);
    Objects.requireNonNull(objective, "objective");
  }

  /** Negative including -0.0, which prints as "-0.0" and so must take the minus path. */
  boolean isNegative() {
    return Math.copySign(1.0, factor) < 0;
  }

  Scaled negated() {
    return new Scaled(-factor, objective);
  }

  @Override
  public String toGrammar() {
    String operand =
        objective instanceof Sum || objective instanceof Scaled
            ? "(" + objective.toGrammar() + ")"
            : objective.toGrammar();
    String sign = isNegative() ? "-" : "";
    return sign + Grammar.number(Math.abs(factor)) + "*" + operand;
  }

  @Override
  public List<Objective> children() {
    return List.of(objective);
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
