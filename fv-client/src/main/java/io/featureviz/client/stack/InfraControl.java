package io.featureviz.client.stack;

import java.nio.file.Path;

/** Commands of the infra process's control directory (devstack's {@code ControlDirectory}). */
public enum InfraControl {
  S3_STOP("s3-stop"),
  S3_START("s3-start"),
  KAFKA_RESTART("kafka-restart");

  private final String fileName;

  InfraControl(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }

  static Path file(Path infraDir, InfraControl command) {
    return infraDir.resolve("control").resolve(command.fileName);
  }
}
