package io.featureviz.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every Kubernetes object (or strategic-merge patch) in the YAML files under deploy/k8s. */
final class Manifests {

  /** One document, and the file it came from for messages. */
  record Manifest(Path file, JsonNode doc) {

    String kind() {
      return doc.path("kind").asText();
    }

    String name() {
      return doc.path("metadata").path("name").asText();
    }

    boolean in(String folder) {
      return Repo.K8S.relativize(file).startsWith(folder);
    }

    @Override
    public String toString() {
      return kind() + " " + name() + " (" + Repo.ROOT.relativize(file) + ")";
    }
  }

  /** A container of a workload's pod template. */
  record Container(Manifest workload, JsonNode spec) {

    String name() {
      return spec.path("name").asText();
    }

    JsonNode pod() {
      return workload.doc().path("spec").path("template").path("spec");
    }

    @Override
    public String toString() {
      return "container " + name() + " of " + workload;
    }
  }

  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "Job");

  /** Objects and patches; kustomizations and JSON patches (lists) are not objects. */
  static final List<Manifest> ALL = load();

  private Manifests() {}

  private static List<Manifest> load() {
    List<Manifest> all = new ArrayList<>();
    for (Path file : Repo.files(Repo.K8S, ".yaml")) {
      for (JsonNode doc : Repo.documents(file)) {
        if (doc.isObject() && !doc.path("kind").asText().startsWith("Kustomization")
            && !doc.path("kind").asText().equals("Component")) {
          all.add(new Manifest(file, doc));
        }
      }
    }
    return all;
  }

  static List<Manifest> ofKind(String kind) {
    return ALL.stream().filter(m -> m.kind().equals(kind)).toList();
  }

  static List<Container> containers() {
    List<Container> containers = new ArrayList<>();
    for (Manifest m : ALL) {
      if (WORKLOADS.contains(m.kind())) {
        m.doc().path("spec").path("template").path("spec").path("containers")
            .forEach(c -> containers.add(new Container(m, c)));
      }
    }
    return containers;
  }

  /**
   * Each ConfigMap name with every value each key has anywhere (a base and the patches on it),
   * generated ones included (their keys are the file names).
   */
  static Map<String, Map<String, Set<String>>> configMaps() {
    Map<String, Map<String, Set<String>>> maps = new TreeMap<>();
    for (Manifest m : ofKind("ConfigMap")) {
      Map<String, Set<String>> keys = maps.computeIfAbsent(m.name(), n -> new TreeMap<>());
      m.doc().path("data").fields().forEachRemaining(e ->
          keys.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue().asText()));
    }
    for (Path kustomization : Kustomizations.files()) {
      for (JsonNode generator : Repo.documents(kustomization).get(0).path("configMapGenerator")) {
        Map<String, Set<String>> keys =
            maps.computeIfAbsent(generator.path("name").asText(), n -> new TreeMap<>());
        generator.path("files").forEach(f ->
            keys.put(Path.of(f.asText()).getFileName().toString(), Set.of()));
      }
    }
    return maps;
  }

  /** The single value of a ConfigMap key; fails where patches give it several. */
  static String configValue(String map, String key) {
    Set<String> values = configMaps().getOrDefault(map, Map.of()).getOrDefault(key, Set.of());
    if (values.size() != 1) {
      throw new AssertionError("ConfigMap " + map + " key " + key + ": values " + values);
    }
    return values.iterator().next();
  }

  /** Names of the variables a container gets: env entries and the keys of envFrom ConfigMaps. */
  static Set<String> envNames(Container container) {
    Set<String> names = new TreeSet<>();
    container.spec().path("env").forEach(e -> names.add(e.path("name").asText()));
    container.spec().path("envFrom").forEach(from -> names.addAll(configMaps()
        .getOrDefault(from.path("configMapRef").path("name").asText(), Map.of()).keySet()));
    return names;
  }

  /** An env entry of a container, or a missing node. */
  static JsonNode env(Container container, String name) {
    for (JsonNode e : container.spec().path("env")) {
      if (e.path("name").asText().equals(name)) {
        return e;
      }
    }
    return MissingNode.getInstance();
  }

  /**
   * Every value a container's variable may get: its own env entry, else its ConfigMaps'
   * (patches too).
   */
  static Set<String> values(Container container, String name) {
    JsonNode literal = env(container, name).path("value");
    if (!literal.isMissingNode()) {
      return Set.of(literal.asText());
    }
    Set<String> values = new TreeSet<>();
    Map<String, Map<String, Set<String>>> maps = configMaps();
    container.spec().path("envFrom").forEach(from -> values.addAll(maps
        .getOrDefault(from.path("configMapRef").path("name").asText(), Map.of())
        .getOrDefault(name, Set.of())));
    return values;
  }
}
