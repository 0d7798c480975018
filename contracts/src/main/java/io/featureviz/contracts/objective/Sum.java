package io.featureviz.contracts.objective;

import java.util.List;

/** Sum of objectives. Grammar: {@code a + b}; {@code a - b} is {@code Sum(a, Scaled(-1, b))}. */
public record Sum(List<Objective> terms) implements Objective {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "sum";

  public Sum {
    terms = List.copyOf(terms);
    // A one-term sum would print as its term and so not survive a round trip.
    if (terms.size() < 2) {
      throw new IllegalArgumentException("a sum needs at least 2 terms, got " + terms.size());
    }
  }

  public Sum(Objective... terms) {
    this(List.of(terms));
  }

  @Override
  public String toGrammar() {
    StringBuilder text = new StringBuilder(termText(terms.get(0)));
    for (Objective term : terms.subList(1, terms.size())) {
      if (term instanceof Scaled scaled && scaled.isNegative()) {
        text.append(" - ").append(scaled.negated().toGrammar());
      } else {
        text.append(" + ").append(termText(term));
      }
    }
    return text.toString();
  }

  /** Nested sums keep their parentheses so that the tree shape survives a round trip. */
  private static String termText(Objective term) {
    return term instanceof Sum ? "(" + term.toGrammar() + ")" : term.toGrammar();
  }

  @Override
  public List<Objective> children() {
    return terms;
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
