package io.featureviz.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The property names a {@code @ConfigMapping} interface reads, found the way SmallRye Config
 * names them: prefix, then each method in kebab case (or its {@code @WithName}), nested
 * interfaces (also in Optional) as groups; each with its {@code @WithDefault}, if any.
 */
final class ConfigMappingKeys {

  private ConfigMappingKeys() {}

  static Map<String, Optional<String>> of(Class<?> mapping) {
    ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
    if (annotation == null) {
      throw new IllegalArgumentException(mapping + " has no @ConfigMapping");
    }
    // Other strategies would name the keys differently; fail rather than check the wrong names.
    if (annotation.namingStrategy() != ConfigMapping.NamingStrategy.KEBAB_CASE) {
      throw new IllegalArgumentException(mapping + ": only the kebab-case naming is understood");
    }
    Map<String, Optional<String>> keys = new TreeMap<>();
    collect(mapping, annotation.prefix(), keys);
    return keys;
  }

  private static void collect(Class<?> group, String prefix, Map<String, Optional<String>> keys) {
    for (Method method : group.getMethods()) {
      if (method.isDefault() || Modifier.isStatic(method.getModifiers())
          || method.getParameterCount() > 0) {
        continue;
      }
      WithName withName = method.getAnnotation(WithName.class);
      String name = withName != null ? withName.value() : kebab(method.getName());
      String key = method.isAnnotationPresent(WithParentName.class) ? prefix
          : prefix.isEmpty() ? name : prefix + "." + name;
      Class<?> type = valueType(method);
      if (type.isInterface() && !type.getName().startsWith("java.")) {
        collect(type, key, keys);
      } else {
        keys.put(key, Optional.ofNullable(method.getAnnotation(WithDefault.class))
            .map(WithDefault::value));
      }
    }
  }

  /** The declared type, or what an Optional holds. */
  private static Class<?> valueType(Method method) {
    if (method.getReturnType() == Optional.class
        && method.getGenericReturnType() instanceof ParameterizedType optional
        && optional.getActualTypeArguments()[0] instanceof Class<?> held) {
      return held;
    }
    return method.getReturnType();
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }
}
