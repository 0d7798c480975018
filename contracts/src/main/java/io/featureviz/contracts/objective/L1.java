package io.featureviz.contracts.objective;

/** L1 norm of the image (a regularizer, usually given a negative weight). Grammar: {@code l1}. */
public record L1() implements Objective {

  @Override
  public String toGrammar() {
    return "l1";
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
