package io.featureviz.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receives a job's events as the API's event stream names them: {@code status},
 * {@code progress} (data with {@code step} and {@code steps}), {@code frame} (an artifact) and
 * {@code cancel_requested}; or a sweep's: {@code progress} (data with {@code channels_done} and
 * {@code channels_total}) and {@code status}. When the stream fails, {@code stream_failed} (no
 * data) follows and polling reports {@code progress}.
 */
@FunctionalInterface
public interface JobEventListener {

  void onEvent(String name, JsonNode data);
}
