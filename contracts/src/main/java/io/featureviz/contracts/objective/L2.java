package io.featureviz.contracts.objective;

/** L2 norm of the image (a regularizer, usually given a negative weight). Grammar: {@code l2}. */
public record L2() implements Objective {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "l2";

  @Override
  public String toGrammar() {
    return "l2";
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
