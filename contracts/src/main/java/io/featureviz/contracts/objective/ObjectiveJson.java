package io.featureviz.contracts.objective;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of objectives: one object per node with a "type" discriminator, and
 * {"type":"batch","objectives":[...]} at the top for one objective per batch element. Each kind's
 * "type" is its record's {@code JSON_TYPE}, which {@link ObjectiveJsonWriter} writes and
 * {@link ObjectiveJsonReader} dispatches on.
 */
public final class ObjectiveJson {

  /** The "type" of the top-level node that holds one objective per batch element. */
  static final String BATCH_TYPE = "batch";

  private ObjectiveJson() {}

  /** A single objective as its node; several as a batch node. */
  public static JsonNode toJson(ObjectiveSpec spec) {
    if (!spec.isPerBatchElement()) {
      return toJson(spec.perBatch().get(0));
    }
    ObjectNode batch = ObjectiveJsonWriter.typed(BATCH_TYPE);
    ArrayNode objectives = batch.putArray("objectives");
    spec.perBatch().forEach(objective -> objectives.add(toJson(objective)));
    return batch;
  }

  public static JsonNode toJson(Objective objective) {
    return objective.accept(ObjectiveJsonWriter.INSTANCE);
  }

  /**
   * Reads the JSON form.
   *
   * @throws ObjectiveJsonException naming the path of the first bad field
   */
  public static ObjectiveSpec fromJson(JsonNode json) {
    if (json != null && json.isObject() && BATCH_TYPE.equals(json.path("type").asText())) {
      ObjectiveJsonReader.checkFields(json, "", Set.of("type", "objectives"));
      JsonNode parts = ObjectiveJsonReader.required(json, "", "objectives");
      if (!parts.isArray() || parts.isEmpty()) {
        throw new ObjectiveJsonException("objectives", "must be a non-empty array of objectives");
      }
      List<Objective> perBatch = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        perBatch.add(new ObjectiveJsonReader().read(parts.get(i),
            JsonPath.element("", "objectives", i)));
      }
      return new ObjectiveSpec(perBatch);
    }
    return ObjectiveSpec.of(new ObjectiveJsonReader().read(json, ""));
  }

  /**
   * Accepts what a request may carry: a JSON string holding grammar text, or the JSON form.
   *
   * @throws ObjectiveSyntaxException for bad grammar text
   * @throws ObjectiveJsonException for a bad JSON form
   */
  public static ObjectiveSpec fromGrammarOrJson(JsonNode json) {
    if (json != null && json.isTextual()) {
      return ObjectiveParser.parse(json.textValue());
    }
    return fromJson(json);
  }
}
