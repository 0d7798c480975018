package io.featureviz.deploy;

import io.featureviz.contracts.messages.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
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

  /** The space-separated list the init scripts take. */
  static Set<String> words(String list) {
    return new TreeSet<>(Arrays.asList(list.trim().split("\\s+")));
  }
}
