package io.featureviz.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service reads, derived from its sources rather than listed here: the keys of its
 * application.properties, the keys of its {@code @ConfigMapping} interfaces (loaded from its
 * classes), and the variables its code, or an in-repo library it depends on, reads with
 * {@code System.getenv}. A deployment may set exactly these, in environment form.
 */
final class Service {

  /** The deployable modules; a module's folder, image, container and compose service share it. */
  static final List<String> MODULES = List.of("job-api", "storage-sink", "optimizer-worker");

  /** Read by the JVM itself; the images' Dockerfiles set a default. */
  private static final Set<String> JVM_ENV = Set.of("JAVA_TOOL_OPTIONS");

  private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\"([A-Za-z0-9_]+)\"\\)");
  private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>",
      Pattern.DOTALL);
  private static final Pattern IN_REPO_ARTIFACT = Pattern.compile(
      "<groupId>io\\.featureviz</groupId>\\s*<artifactId>([\\w-]+)</artifactId>");
  private static final Pattern MAPPING_CLASS = Pattern.compile("@ConfigMapping\\(");

  /** Variables holding credentials (of the services or of the infrastructure they log in to). */
  private static final Pattern CREDENTIAL =
      Pattern.compile(".*(PASSWORD|SECRET_KEY|ACCESS_KEY|USERNAME|_USER)$");

  private static final Map<String, Service> CACHE = new ConcurrentHashMap<>();

  final String module;
  private final Properties properties;
  private final Map<String, Optional<String>> mappingKeys;
  private final Set<String> directEnv;

  private Service(String module) {
    this.module = module;
    Path dir = Repo.ROOT.resolve(module);
    this.properties = load(dir.resolve("src/main/resources/application.properties"));
    this.mappingKeys = mappingKeys(dir);
    this.directEnv = new TreeSet<>();
    for (String m : moduleClosure(module, new LinkedHashSet<>())) {
      Matcher getenv = GETENV.matcher(String.join("\n",
          Repo.files(Repo.ROOT.resolve(m).resolve("src/main/java"), ".java").stream()
              .map(Repo::read).toList()));
      while (getenv.find()) {
        directEnv.add(getenv.group(1));
      }
    }
  }

  static Service of(String module) {
    if (!MODULES.contains(module)) {
      throw new IllegalArgumentException("not a deployable module: " + module);
    }
    return CACHE.computeIfAbsent(module, Service::new);
  }

  /** A property's value: application.properties, else the mapping's default. */
  Optional<String> value(String key) {
    return Optional.ofNullable(properties.getProperty(key))
        .or(() -> mappingKeys.getOrDefault(key, Optional.empty()));
  }

  /** Every key with the value it has when nothing overrides it. */
  Map<String, String> defaults() {
    Map<String, String> values = new TreeMap<>();
    mappingKeys.forEach((k, v) -> v.ifPresent(d -> values.put(k, d)));
    propertyKeys().forEach(k -> values.put(k, properties.getProperty(k)));
    return values;
  }

  /**
   * Keys whose default only works on a developer's machine (a local endpoint, a folder
   * relative to the checkout): a deployment has to set them.
   */
  Set<String> machineLocalKeys() {
    Set<String> keys = new TreeSet<>();
    defaults().forEach((k, v) -> {
      if (v.contains("127.0.0.1") || v.contains("localhost") || v.startsWith("../")) {
        keys.add(k);
      }
    });
    return keys;
  }

  int httpPort() {
    return Integer.parseInt(value("quarkus.http.port").orElseThrow());
  }

  /** Keys of application.properties outside any profile (%dev., %test., %prod.). */
  Set<String> propertyKeys() {
    Set<String> keys = new TreeSet<>(properties.stringPropertyNames());
    keys.removeIf(k -> k.startsWith("%"));
    return keys;
  }

  /** Every environment variable name this service reads. */
  Set<String> envNames() {
    Set<String> names = new TreeSet<>(JVM_ENV);
    names.addAll(directEnv);
    propertyKeys().forEach(k -> names.add(env(k)));
    mappingKeys.keySet().forEach(k -> names.add(env(k)));
    return names;
  }

  /** Whether a variable is a credential, which deployments take from outside git. */
  static boolean isCredential(String variable) {
    return CREDENTIAL.matcher(variable).matches();
  }

  /** SmallRye Config's environment form: non-alphanumerics to '_', upper case. */
  static String env(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /** The @ConfigMapping interfaces among the module's sources, read through their classes. */
  private static Map<String, Optional<String>> mappingKeys(Path dir) {
    Path sources = dir.resolve("src/main/java");
    Map<String, Optional<String>> keys = new TreeMap<>();
    for (Path file : Repo.files(sources, ".java")) {
      if (!MAPPING_CLASS.matcher(Repo.read(file)).find()) {
        continue;
      }
      String name = sources.relativize(file).toString().replace(".java", "").replace('/', '.');
      try {
        keys.putAll(ConfigMappingKeys.of(Class.forName(name)));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(name + " is not on the test class path", e);
      }
    }
    return keys;
  }

  /** The module and the in-repo modules it depends on outside tests, transitively. */
  private static Set<String> moduleClosure(String module, Set<String> seen) {
    if (seen.add(module)) {
      Matcher dependency = DEPENDENCY.matcher(Repo.read(Repo.ROOT.resolve(module)
          .resolve("pom.xml")));
      while (dependency.find()) {
        Matcher artifact = IN_REPO_ARTIFACT.matcher(dependency.group(1));
        if (artifact.find() && !dependency.group(1).contains("<scope>test</scope>")) {
          moduleClosure(artifact.group(1), seen);
        }
      }
    }
    return seen;
  }
}
