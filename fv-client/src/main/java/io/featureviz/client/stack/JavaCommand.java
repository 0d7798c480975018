package io.featureviz.client.stack;

import java.nio.file.Path;

/** The {@code java} of the running JVM, so every component runs on the same Java. */
final class JavaCommand {

  static final String EXECUTABLE = "java";

  private JavaCommand() {}

  static String path() {
    return Path.of(System.getProperty("java.home"), "bin", EXECUTABLE).toString();
  }
}
