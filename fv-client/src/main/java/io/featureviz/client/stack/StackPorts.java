package io.featureviz.client.stack;

/** Ports of the stack's components; 0 means a free port, chosen at start. */
public record StackPorts(int api, int worker, int sink, int kafka, int s3, int postgres) {

  /** The ports the services' own configuration uses, so that they also work without the client. */
  public static StackPorts defaults() {
    return new StackPorts(8080, 8081, 8082, 9092, 9000, 5432);
  }

  /** Every port free: for tests beside a running stack. */
  public static StackPorts free() {
    return new StackPorts(0, 0, 0, 0, 0, 0);
  }
}
