package io.featureviz.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository checkout this module lives in, and its YAML files. */
final class Repo {

  /** Surefire runs in the module's folder; the repository is its parent. */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
  static final Path K8S = ROOT.resolve("deploy/k8s");

  private static final YAMLMapper YAML = new YAMLMapper();

  private Repo() {}

  /**
   * Every document of a (multi-document) YAML file; empty documents are left out. Read value by
   * value: a MappingIterator would unwrap a document that is a list (a JSON patch).
   */
  static List<JsonNode> documents(Path file) {
    try (JsonParser parser = YAML.createParser(file.toFile())) {
      List<JsonNode> documents = new ArrayList<>();
      while (parser.nextToken() != null) {
        JsonNode document = YAML.readTree(parser);
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + ROOT.relativize(file), e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files below a folder whose names end with the suffix. */
  static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
