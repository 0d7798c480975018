package io.featureviz.client.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.jobs.ApiProblemException;
import io.featureviz.client.models.ModelsClient;
import io.featureviz.contracts.messages.BuiltInModels;
import io.featureviz.contracts.messages.ModelStatus;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether the API's model catalog lists every built-in model READY. A worker describes them when
 * it starts; until then the API answers jobs on them with 503, so a stack is not started before.
 */
final class BuiltInCatalog {

  private BuiltInCatalog() {}

  /** What the stack waits for, for messages. */
  static String description() {
    return "the built-in models (" + String.join(", ", BuiltInModels.IDS) + ")";
  }

  static boolean isListed(ModelsClient api) {
    JsonNode models;
    try {
      models = api.list();
    } catch (ApiProblemException | UncheckedIOException e) {
      return false;
    }
    Set<String> ready = new HashSet<>();
    for (JsonNode model : models) {
      if (ModelStatus.READY.name().equals(model.path("status").asText())) {
        ready.add(model.path("id").asText());
      }
    }
    return ready.containsAll(BuiltInModels.IDS);
  }
}
