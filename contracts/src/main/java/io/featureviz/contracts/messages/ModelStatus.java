package io.featureviz.contracts.messages;

/** Where a model stands in the catalog: jobs may name only a {@link #READY} one. */
public enum ModelStatus {
  /** Uploaded; a worker has yet to load it and describe it. */
  IMPORTING,
  /** Loaded by a worker; its {@link ModelDescription} is in the catalog. */
  READY,
  /** The import failed; the reason says why (the engine's message, naming the node or file). */
  FAILED;

  public boolean isTerminal() {
    return this != IMPORTING;
  }
}
