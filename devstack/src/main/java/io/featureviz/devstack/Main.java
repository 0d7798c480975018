package io.featureviz.devstack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -cp ... io.featureviz.devstack.Main infra --state .fv/infra}: the local stack as a process. */
@Command(name = "devstack", mixinStandardHelpOptions = true, subcommands = InfraCommand.class,
    description = "The featureviz local infrastructure: Kafka, an S3 object store and PostgreSQL.")
public final class Main {

  public static void main(String[] args) {
    // Kafka logs every step of its startup at INFO; keep stderr for what needs a look
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
