package io.featureviz.optvis.runtime;

/** Registers the gradients TensorFlow's C++ gradient registry lacks (see DESIGN.md). */
final class Gradients {
  private Gradients() {}

  static void registerAll() {}
}
