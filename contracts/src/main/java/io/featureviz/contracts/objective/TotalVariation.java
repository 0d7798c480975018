package io.featureviz.contracts.objective;

/** Total variation of the image (a regularizer, usually given a negative weight). Grammar: {@code tv}. */
public record TotalVariation() implements Objective {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "tv";

  @Override
  public String toGrammar() {
    return "tv";
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
