package io.featureviz.deploy;

import io.featureviz.contracts.messages.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The constants of the contracts module the deployment files must agree with. */
final class Contracts {

  private Contracts() {}

  /** Every topic name in {@link Topics}, so that a new topic cannot be forgotten. */
  static Set<String> topics() {
    return Arrays.stream(Topics.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(Contracts::value)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A topic as the init script creates it. */
  record TopicSpec(int partitions, Map<String, String> config) {}

  /**
   * The topics of the init script's TOPICS list (space-separated, each
   * {@code name[@partitions][:key=value,key=value...]}), with the partitions each gets
   * ({@code partitions} where it names none) and its settings.
   */
  static Map<String, TopicSpec> topicSpecs(String list, int partitions) {
    Map<String, TopicSpec> topics = new TreeMap<>();
    for (String spec : list.trim().split("\\s+")) {
      int colon = spec.indexOf(':');
      String name = colon < 0 ? spec : spec.substring(0, colon);
      Map<String, String> config = new TreeMap<>();
      if (colon >= 0) {
        for (String setting : spec.substring(colon + 1).split(",")) {
          int eq = setting.indexOf('=');
          config.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
      }
      int at = name.indexOf('@');
      topics.put(at < 0 ? name : name.substring(0, at), new TopicSpec(
          at < 0 ? partitions : Integer.parseInt(name.substring(at + 1)), config));
    }
    return topics;
  }
}
