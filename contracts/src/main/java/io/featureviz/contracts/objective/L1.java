package io.featureviz.contracts.objective;

/** L1 norm of the image (a regularizer, usually given a negative weight). Grammar: {@code l1}. */
public record L1() implements Objective {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "l1";

  @Override
  public String toGrammar() {
    return "l1";
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
