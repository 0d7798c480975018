package io.featureviz.client.commands;

import io.featureviz.client.stack.LocalStack;
import io.featureviz.client.stack.StackState;
import java.util.Locale;
import java.util.Optional;

/** {@code up} as a step: reuse the running stack or start one, timing it, reporting on stderr. */
final class StackUp {

  private StackUp() {}

  static StackState ensure(LocalStack stack) {
    long started = System.nanoTime();
    Optional<StackState> running = stack.running();
    if (running.isPresent()) {
      System.err.println("fv: the stack is already running (" + stack.settings().stateDir() + ")");
      return running.get();
    }
    StackState state = stack.start();
    System.err.printf(Locale.ROOT, "fv: stack up in %.1f s%n", (System.nanoTime() - started) / 1e9);
    return state;
  }
}
