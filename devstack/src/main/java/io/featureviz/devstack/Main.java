package io.featureviz.devstack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -cp ... io.featureviz.devstack.Main infra --state .fv/infra}: the local stack as a process. */
@Command(name = "devstack", mixinStandardHelpOptions = true, subcommands = InfraCommand.class,
    description = "The featureviz local infrastructure: Kafka, an S3 object store and PostgreSQL.")
public final class Main {

  public static void main(String[] args) {
    // Kafka logs every step of its startup at INFO, and a fresh cluster's first start at WARN; keep stderr for
    // what needs a look
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka.controller.QuorumController", "error");
    System.exit(new CommandLine(new Main()).execute(args));
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
