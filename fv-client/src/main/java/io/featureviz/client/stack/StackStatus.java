package io.featureviz.client.stack;

import java.util.Map;

/** What runs now: the API and its key, each component's PID, whether alive and healthy, URL. */
public record StackStatus(String apiUrl, String apiKey, boolean running,
    Map<String, ComponentStatus> components) {

  public record ComponentStatus(long pid, boolean alive, boolean healthy, String url) {}
}
