package io.featureviz.client.stack;

import java.util.Map;

/** What runs now: each component's PID, whether it is alive and healthy, and its URL. */
public record StackStatus(String apiUrl, boolean running, Map<String, ComponentStatus> components) {

  public record ComponentStatus(long pid, boolean alive, boolean healthy, String url) {}
}
