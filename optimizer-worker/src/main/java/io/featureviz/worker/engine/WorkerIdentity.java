package io.featureviz.worker.engine;

import io.featureviz.worker.config.WorkerConfig;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who this worker is on status events: {@code fv.worker.id}, else host name and process id. */
@Singleton
public class WorkerIdentity {

  private final String id;

  public WorkerIdentity(WorkerConfig config) {
    id = config.id().orElseGet(() -> hostName() + "-" + ProcessHandle.current().pid());
  }

  public String id() {
    return id;
  }

  private static String hostName() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
