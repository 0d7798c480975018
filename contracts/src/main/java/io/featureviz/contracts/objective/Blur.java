package io.featureviz.contracts.objective;

/** Difference between the image and a blurred copy (a regularizer). Grammar: {@code blur}. */
public record Blur() implements Objective {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "blur";

  @Override
  public String toGrammar() {
    return "blur";
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
