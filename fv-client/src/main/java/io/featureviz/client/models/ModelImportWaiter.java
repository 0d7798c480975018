package io.featureviz.client.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.contracts.messages.ModelStatus;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Follows an uploaded model's import: {@code GET /v1/models/{id}} until a worker has marked it
 * READY or FAILED, or until the time allowed is over (then the last, IMPORTING, view is returned).
 */
public final class ModelImportWaiter {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  private final ModelsClient client;
  private final Duration timeout;

  public ModelImportWaiter(ModelsClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** The model's last view; {@code onPoll} sees each one, e.g. to show progress. */
  public JsonNode await(String id, Consumer<JsonNode> onPoll) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode model = client.get(id);
      onPoll.accept(model);
      if (status(model).isTerminal() || System.nanoTime() > deadline) {
        return model;
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for model " + id, e);
      }
    }
  }

  /** A model's status as the API reports it. */
  public static ModelStatus status(JsonNode model) {
    return ModelStatus.valueOf(model.path("status").asText());
  }
}
