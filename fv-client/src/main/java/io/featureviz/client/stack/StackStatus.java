package io.featureviz.client.stack;

import java.util.Map;

/**
 * What runs now: the API, its key and the page's signed-in link ({@link PageLink}), each
 * component's PID, whether alive and healthy, URL.
 */
public record StackStatus(String apiUrl, String apiKey, String pageUrl, boolean running,
    Map<String, ComponentStatus> components) {

  public record ComponentStatus(long pid, boolean alive, boolean healthy, String url) {}
}
