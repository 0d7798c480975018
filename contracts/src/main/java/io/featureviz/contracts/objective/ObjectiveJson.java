package io.featureviz.contracts.objective;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON form of objectives: one object per node with a "type" discriminator, and
 * {"type":"batch","objectives":[...]} at the top for one objective per batch element.
 */
public final class ObjectiveJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ObjectiveJson() {}

  /** A single objective as its node; several as a batch node. */
  public static JsonNode toJson(ObjectiveSpec spec) {
    if (!spec.isPerBatchElement()) {
      return toJson(spec.perBatch().get(0));
    }
    ObjectNode batch = NODES.objectNode().put("type", "batch");
    ArrayNode objectives = batch.putArray("objectives");
    spec.perBatch().forEach(objective -> objectives.add(toJson(objective)));
    return batch;
  }

  public static JsonNode toJson(Objective objective) {
    return objective.accept(new JsonWriter());
  }

  /**
   * Reads the JSON form.
   *
   * @throws ObjectiveJsonException naming the path of the first bad field
   */
  public static ObjectiveSpec fromJson(JsonNode json) {
    if (json != null && json.isObject() && "batch".equals(json.path("type").asText())) {
      JsonReader.checkFields(json, "", Set.of("type", "objectives"));
      JsonNode parts = JsonReader.required(json, "", "objectives");
      if (!parts.isArray() || parts.isEmpty()) {
        throw new ObjectiveJsonException("objectives", "must be a non-empty array of objectives");
      }
      List<Objective> perBatch = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        perBatch.add(new JsonReader().read(parts.get(i), JsonPath.element("", "objectives", i)));
      }
      return new ObjectiveSpec(perBatch);
    }
    return ObjectiveSpec.of(new JsonReader().read(json, ""));
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

  /** Writes each node kind; the visitor makes a forgotten kind a compile error. */
  private static final class JsonWriter implements ObjectiveVisitor<JsonNode> {

    private static ObjectNode typed(String type) {
      return NODES.objectNode().put("type", type);
    }

    private static JsonNode classNode(ClassRef cls) {
      if (cls instanceof ClassRef.Index index) {
        return NODES.numberNode(index.value());
      }
      return NODES.textNode(((ClassRef.Label) cls).text());
    }

    @Override
    public JsonNode visit(Channel channel) {
      return typed("channel").put("layer", channel.layer()).put("channel", channel.channel());
    }

    @Override
    public JsonNode visit(Neuron neuron) {
      ObjectNode node =
          typed("neuron").put("layer", neuron.layer()).put("channel", neuron.channel());
      neuron.x().ifPresent(x -> node.put("x", x));
      neuron.y().ifPresent(y -> node.put("y", y));
      return node;
    }

    @Override
    public JsonNode visit(LayerObjective layer) {
      return typed("layer").put("layer", layer.layer());
    }

    @Override
    public JsonNode visit(Direction direction) {
      ObjectNode node = typed("direction").put("layer", direction.layer());
      ArrayNode vector = node.putArray("vector");
      direction.vector().forEach(vector::add);
      return node;
    }

    @Override
    public JsonNode visit(ClassLogit logit) {
      return typed("logit").set("class", classNode(logit.cls()));
    }

    @Override
    public JsonNode visit(ClassProbability probability) {
      return typed("softmax").set("class", classNode(probability.cls()));
    }

    @Override
    public JsonNode visit(Diversity diversity) {
      return typed("diversity").put("layer", diversity.layer());
    }

    @Override
    public JsonNode visit(L1 l1) {
      return typed("l1");
    }

    @Override
    public JsonNode visit(L2 l2) {
      return typed("l2");
    }

    @Override
    public JsonNode visit(TotalVariation totalVariation) {
      return typed("tv");
    }

    @Override
    public JsonNode visit(Blur blur) {
      return typed("blur");
    }

    @Override
    public JsonNode visit(Sum sum) {
      ObjectNode node = typed("sum");
      ArrayNode terms = node.putArray("terms");
      sum.terms().forEach(term -> terms.add(toJson(term)));
      return node;
    }

    @Override
    public JsonNode visit(Scaled scaled) {
      return typed("scale")
          .put("factor", scaled.factor())
          .set("objective", toJson(scaled.objective()));
    }
  }

  /** Reads one node tree strictly: unknown fields and wrong types are errors with their path. */
  private static final class JsonReader {

    private int depth;

    Objective read(JsonNode json, String path) {
      if (json == null || !json.isObject()) {
        throw new ObjectiveJsonException(path, "must be an objective object with a \"type\"");
      }
      if (++depth > ObjectiveParser.MAX_DEPTH) {
        throw new ObjectiveJsonException(
            path, "objectives nest deeper than " + ObjectiveParser.MAX_DEPTH + " levels");
      }
      JsonNode type = required(json, path, "type");
      if (!type.isTextual()) {
        throw new ObjectiveJsonException(JsonPath.field(path, "type"), "must be a string");
      }
      try {
        Objective objective = readTyped(json, path, type.textValue());
        depth--;
        return objective;
      } catch (ObjectiveJsonException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        // Constraints the records enforce themselves, such as layer-name syntax.
        throw new ObjectiveJsonException(path, e.getMessage());
      }
    }

    private Objective readTyped(JsonNode json, String path, String type) {
      return switch (type) {
        case "channel" -> {
          checkFields(json, path, Set.of("type", "layer", "channel"));
          yield new Channel(text(json, path, "layer"), count(json, path, "channel"));
        }
        case "neuron" -> neuron(json, path);
        case "layer" -> {
          checkFields(json, path, Set.of("type", "layer"));
          yield new LayerObjective(text(json, path, "layer"));
        }
        case "direction" -> {
          checkFields(json, path, Set.of("type", "layer", "vector"));
          yield new Direction(text(json, path, "layer"), vector(json, path));
        }
        case "logit" -> {
          checkFields(json, path, Set.of("type", "class"));
          yield new ClassLogit(classRef(json, path));
        }
        case "softmax" -> {
          checkFields(json, path, Set.of("type", "class"));
          yield new ClassProbability(classRef(json, path));
        }
        case "diversity" -> {
          checkFields(json, path, Set.of("type", "layer"));
          yield new Diversity(text(json, path, "layer"));
        }
        case "l1", "l2", "tv", "blur" -> {
          checkFields(json, path, Set.of("type"));
          yield Grammar.REGULARIZERS.get(type);
        }
        case "sum" -> sum(json, path);
        case "scale" -> {
          checkFields(json, path, Set.of("type", "factor", "objective"));
          double factor = finite(required(json, path, "factor"), JsonPath.field(path, "factor"));
          yield new Scaled(factor, read(json.get("objective"), JsonPath.field(path, "objective")));
        }
        case "batch" -> throw new ObjectiveJsonException(
            JsonPath.field(path, "type"), "\"batch\" is only allowed at the top level");
        default -> throw new ObjectiveJsonException(
            JsonPath.field(path, "type"), "unknown objective type \"" + type + "\"");
      };
    }

    private Neuron neuron(JsonNode json, String path) {
      checkFields(json, path, Set.of("type", "layer", "channel", "x", "y"));
      String layer = text(json, path, "layer");
      int channel = count(json, path, "channel");
      if (json.has("x") != json.has("y")) {
        throw new ObjectiveJsonException(path, "give both \"x\" and \"y\", or neither");
      }
      if (!json.has("x")) {
        return new Neuron(layer, channel);
      }
      return new Neuron(layer, channel, count(json, path, "x"), count(json, path, "y"));
    }

    private Sum sum(JsonNode json, String path) {
      checkFields(json, path, Set.of("type", "terms"));
      JsonNode terms = required(json, path, "terms");
      if (!terms.isArray() || terms.size() < 2) {
        throw new ObjectiveJsonException(
            JsonPath.field(path, "terms"), "must be an array of at least 2 objectives");
      }
      List<Objective> read = new ArrayList<>();
      for (int i = 0; i < terms.size(); i++) {
        read.add(read(terms.get(i), JsonPath.element(path, "terms", i)));
      }
      return new Sum(read);
    }

    private static List<Double> vector(JsonNode json, String path) {
      JsonNode vector = required(json, path, "vector");
      String vectorPath = JsonPath.field(path, "vector");
      if (!vector.isArray() || vector.isEmpty()) {
        throw new ObjectiveJsonException(vectorPath, "must be a non-empty array of numbers");
      }
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < vector.size(); i++) {
        values.add(finite(vector.get(i), vectorPath + "[" + i + "]"));
      }
      return values;
    }

    private static ClassRef classRef(JsonNode json, String path) {
      JsonNode cls = required(json, path, "class");
      if (cls.isTextual()) {
        return ClassRef.label(cls.textValue());
      }
      if (cls.isIntegralNumber() && cls.canConvertToInt() && cls.intValue() >= 0) {
        return ClassRef.index(cls.intValue());
      }
      throw new ObjectiveJsonException(
          JsonPath.field(path, "class"), "must be a non-negative integer index or a label string");
    }

    private static String text(JsonNode json, String path, String field) {
      JsonNode value = required(json, path, field);
      if (!value.isTextual()) {
        throw new ObjectiveJsonException(JsonPath.field(path, field), "must be a string");
      }
      return value.textValue();
    }

    private static int count(JsonNode json, String path, String field) {
      JsonNode value = required(json, path, field);
      if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
        throw new ObjectiveJsonException(
            JsonPath.field(path, field), "must be a non-negative integer");
      }
      return value.intValue();
    }

    private static double finite(JsonNode value, String path) {
      if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
        throw new ObjectiveJsonException(path, "must be a finite number");
      }
      return value.doubleValue();
    }

    static JsonNode required(JsonNode json, String path, String field) {
      JsonNode value = json.get(field);
      if (value == null || value.isNull()) {
        throw new ObjectiveJsonException(JsonPath.field(path, field), "is required");
      }
      return value;
    }

    /** Unknown fields are rejected so that a misspelt optional field ("X") is not ignored. */
    static void checkFields(JsonNode json, String path, Set<String> allowed) {
      for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw new ObjectiveJsonException(
              JsonPath.field(path, name), "unknown field; allowed: " + String.join(", ", new TreeSet<>(allowed)));
        }
      }
    }
  }
}
