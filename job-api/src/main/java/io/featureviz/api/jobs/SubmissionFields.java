package io.featureviz.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.api.problems.FieldError;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.contracts.objective.ClassRef;
import io.featureviz.contracts.objective.ObjectiveJson;
import io.featureviz.contracts.objective.ObjectiveJsonException;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.objective.ObjectiveSyntaxException;
import io.featureviz.contracts.render.NumberRange;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.contracts.render.RenderLimits;
import io.featureviz.contracts.transform.TransformParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of a {@code POST /v1/jobs} body, read collecting errors instead of stopping at the
 * first.
 */
public final class SubmissionFields {

  private final JsonNode body;
  /** Prepended to this object's field names in errors: {@code interpolate.} for its fields. */
  private final String prefix;
  private final List<FieldError> errors;

  public SubmissionFields(JsonNode body) {
    this(body, "", new ArrayList<>());
  }

  private SubmissionFields(JsonNode body, String prefix, List<FieldError> errors) {
    this.body = body;
    this.prefix = prefix;
    this.errors = errors;
  }

  /**
   * The fields of the object in {@code field}, their errors reported as {@code field.name}
   * among this body's; empty (and an error) when the field holds no object, empty when absent.
   */
  public Optional<SubmissionFields> object(String field, String shape) {
    Optional<JsonNode> value = present(field);
    if (value.isPresent() && !value.get().isObject()) {
      error(field, "must be an object " + shape);
      return Optional.empty();
    }
    return value.map(node -> new SubmissionFields(node, prefix + field + ".", errors));
  }

  public boolean isPresent(String field) {
    return present(field).isPresent();
  }

  public void error(String field, String message) {
    errors.add(new FieldError(prefix + field, message));
  }

  public boolean isValid(String field) {
    return errors.stream().noneMatch(e -> e.field().equals(prefix + field));
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw ProblemException.invalidRequest(errors);
    }
  }

  public void rejectUnknown(Set<String> allowed) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        error(name, "unknown field; allowed: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /** Each of the fields that is given is an error: it has no use in this request. */
  public void rejectPresent(List<String> fields, String message) {
    for (String field : fields) {
      if (present(field).isPresent()) {
        error(field, message);
      }
    }
  }

  /** The field's value; empty when absent or null. */
  public Optional<JsonNode> present(String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  public Optional<String> text(String field) {
    Optional<JsonNode> value = present(field);
    if (value.isPresent() && (!value.get().isTextual() || value.get().textValue().isBlank())) {
      error(field, "must be a non-empty string");
      return Optional.empty();
    }
    return value.map(JsonNode::textValue);
  }

  public Optional<String> requiredText(String field, String hint) {
    if (present(field).isEmpty()) {
      error(field, "is required; " + hint);
    }
    return text(field);
  }

  public Optional<ObjectiveSpec> objective() {
    return objective("objective");
  }

  /** A required objective, grammar text or its JSON form. */
  public Optional<ObjectiveSpec> objective(String field) {
    Optional<JsonNode> value = present(field);
    if (value.isEmpty()) {
      error(field, "is required: grammar text such as \"mixed4:97\" or its JSON form");
      return Optional.empty();
    }
    try {
      return Optional.of(ObjectiveJson.fromGrammarOrJson(value.get()));
    } catch (ObjectiveSyntaxException e) {
      error(field, e.getMessage() + " in \"" + e.input() + "\"");
    } catch (ObjectiveJsonException e) {
      error(e.path().isEmpty() ? field : field + "." + e.path(), e.problem());
    } catch (IllegalArgumentException e) {
      error(field, e.getMessage());
    }
    return Optional.empty();
  }

  /** An optional class: its index (0 or more) or its label. */
  public Optional<ClassRef> classRef(String field) {
    Optional<JsonNode> value = present(field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = value.get();
    try {
      if (node.isIntegralNumber() && node.canConvertToInt()) {
        return Optional.of(ClassRef.index(node.intValue()));
      }
      if (node.isTextual()) {
        return Optional.of(ClassRef.label(node.textValue()));
      }
    } catch (IllegalArgumentException e) {
      error(field, e.getMessage());
      return Optional.empty();
    }
    error(field, "must be a class index (0 or more) or a class label");
    return Optional.empty();
  }

  /** An integer field; out of its range (whose bounds are ints) it is an error. */
  public int integer(String field, int fallback, NumberRange range) {
    return (int) longInteger(field, fallback, range);
  }

  public long longInteger(String field, long fallback, NumberRange range) {
    Optional<JsonNode> value = present(field);
    if (value.isEmpty()) {
      return fallback;
    }
    JsonNode node = value.get();
    if (!node.isIntegralNumber() || !node.canConvertToLong() || !range.contains(node.longValue())) {
      error(field, range.requirement());
      return fallback;
    }
    return node.longValue();
  }

  public double number(String field, double fallback, NumberRange range) {
    Optional<JsonNode> value = present(field);
    if (value.isPresent() && !(value.get().isNumber() && range.contains(value.get().doubleValue()))) {
      error(field, range.requirement());
      return fallback;
    }
    return value.map(JsonNode::doubleValue).orElse(fallback);
  }

  public boolean bool(String field, boolean fallback) {
    Optional<JsonNode> value = present(field);
    if (value.isPresent() && !value.get().isBoolean()) {
      error(field, "must be true or false");
      return fallback;
    }
    return value.map(JsonNode::booleanValue).orElse(fallback);
  }

  public String choice(String field, String fallback, Set<String> allowed) {
    Optional<JsonNode> value = present(field);
    if (value.isPresent() && !(value.get().isTextual()
        && allowed.contains(value.get().textValue()))) {
      error(field, "must be one of " + String.join(", ", new TreeSet<>(allowed)));
      return fallback;
    }
    return value.map(JsonNode::textValue).orElse(fallback);
  }

  public String transforms() {
    Optional<JsonNode> value = present("transforms");
    if (value.isEmpty()) {
      return RenderDefaults.TRANSFORMS;
    }
    if (!value.get().isTextual()) {
      error("transforms", "must be \"standard\", \"none\" or a list such as \"jitter(8)\"");
      return RenderDefaults.TRANSFORMS;
    }
    try {
      TransformParser.parse(value.get().textValue());
    } catch (IllegalArgumentException e) {
      error("transforms", e.getMessage());
    }
    return value.get().textValue();
  }

  /** Given thresholds, sorted and without repeats; none means the request's defaults. */
  public List<Integer> thresholds(int steps) {
    Optional<JsonNode> value = present("thresholds");
    if (value.isEmpty()) {
      return List.of();
    }
    JsonNode array = value.get();
    if (!array.isArray() || array.isEmpty()) {
      error("thresholds", "must be a non-empty array of steps");
      return List.of();
    }
    NumberRange range = RenderLimits.thresholds(steps);
    TreeSet<Integer> sorted = new TreeSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode step = array.get(i);
      if (!step.isIntegralNumber() || !step.canConvertToInt() || !range.contains(step.intValue())) {
        error("thresholds[" + i + "]", range.requirement() + ", a step of the job");
      } else {
        sorted.add(step.intValue());
      }
    }
    return List.copyOf(sorted);
  }
}
