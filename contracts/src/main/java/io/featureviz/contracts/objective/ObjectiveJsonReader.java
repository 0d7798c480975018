package io.featureviz.contracts.objective;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one node tree strictly: unknown fields and wrong types are errors with their path. It
 * dispatches on the same {@code JSON_TYPE} constants the writer writes.
 */
final class ObjectiveJsonReader {

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
      case Channel.JSON_TYPE -> {
        checkFields(json, path, Set.of("type", "layer", "channel"));
        yield new Channel(text(json, path, "layer"), count(json, path, "channel"));
      }
      case Neuron.JSON_TYPE -> neuron(json, path);
      case LayerObjective.JSON_TYPE -> {
        checkFields(json, path, Set.of("type", "layer"));
        yield new LayerObjective(text(json, path, "layer"));
      }
      case Direction.JSON_TYPE -> {
        checkFields(json, path, Set.of("type", "layer", "vector"));
        yield new Direction(text(json, path, "layer"), vector(json, path));
      }
      case ClassLogit.JSON_TYPE -> {
        checkFields(json, path, Set.of("type", "class"));
        yield new ClassLogit(classRef(json, path));
      }
      case ClassProbability.JSON_TYPE -> {
        checkFields(json, path, Set.of("type", "class"));
        yield new ClassProbability(classRef(json, path));
      }
      case Diversity.JSON_TYPE -> {
        checkFields(json, path, Set.of("type", "layer"));
        yield new Diversity(text(json, path, "layer"));
      }
      case L1.JSON_TYPE -> regularizer(json, path, new L1());
      case L2.JSON_TYPE -> regularizer(json, path, new L2());
      case TotalVariation.JSON_TYPE -> regularizer(json, path, new TotalVariation());
      case Blur.JSON_TYPE -> regularizer(json, path, new Blur());
      case Sum.JSON_TYPE -> sum(json, path);
      case Scaled.JSON_TYPE -> {
        checkFields(json, path, Set.of("type", "factor", "objective"));
        double factor = finite(required(json, path, "factor"), JsonPath.field(path, "factor"));
        yield new Scaled(factor, read(json.get("objective"), JsonPath.field(path, "objective")));
      }
      case ObjectiveJson.BATCH_TYPE -> throw new ObjectiveJsonException(JsonPath.field(path, "type"),
          "\"" + ObjectiveJson.BATCH_TYPE + "\" is only allowed at the top level");
      default -> throw new ObjectiveJsonException(
          JsonPath.field(path, "type"), "unknown objective type \"" + type + "\"");
    };
  }

  private static Objective regularizer(JsonNode json, String path, Objective regularizer) {
    checkFields(json, path, Set.of("type"));
    return regularizer;
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
