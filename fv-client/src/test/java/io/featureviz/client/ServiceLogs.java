package io.featureviz.client;

import io.featureviz.client.stack.StackState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The error lines in the logs of a stack's services (not of its infrastructure). */
final class ServiceLogs {

  /**
   * An error in any form a service logs it: Quarkus's JSON ({@code "level":"ERROR"}) or plain
   * lines, and TensorFlow's C++ runtime, which writes its own lines to the worker's stderr
   * ({@code ... E tensorflow/core/...cc:390] ...}).
   */
  private static final Pattern ERROR_LINE = Pattern.compile(
      "\"level\":\"(ERROR|FATAL)\"|^\\S+ \\S+ ERROR |(^|\\s)[EF] \\S+:\\d+\\]");

  private ServiceLogs() {}

  /** Every error line so far, each prefixed with the service that logged it. */
  static List<String> errorLines(StackState state) {
    List<String> errors = new ArrayList<>();
    for (StackState.Component service : state.components()) {
      if (service.healthUrl() == null) {
        continue; // the infrastructure: Kafka, the object store, PostgreSQL
      }
      try {
        Files.readAllLines(Path.of(service.log())).stream()
            .filter(line -> ERROR_LINE.matcher(line).find())
            .forEach(line -> errors.add(service.name() + ": " + line));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return errors;
  }
}
