package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.deploy.Manifests.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kustomize tree holds together, and examples stay out of it. */
class KustomizationTest {

  private static final Path SECRET_EXAMPLE = Repo.K8S.resolve("base/secret.example.yaml");
  private static final Path EXAMPLES = Repo.K8S.resolve("examples");

  @Test
  void referencedFilesExist() {
    for (Path kustomization : Kustomizations.files()) {
      for (Path target : Kustomizations.references(kustomization)) {
        assertTrue(Files.isRegularFile(target)
                || Files.isRegularFile(target.resolve("kustomization.yaml")),
            Repo.ROOT.relativize(kustomization) + " refers to missing " + target);
      }
    }
  }

  @Test
  void everyManifestIsUsedExceptTheExamples() {
    Set<Path> referenced = new HashSet<>();
    Kustomizations.files().forEach(k -> referenced.addAll(Kustomizations.references(k)));
    for (Path file : Repo.files(Repo.K8S, ".yaml")) {
      boolean example = file.equals(SECRET_EXAMPLE) || file.startsWith(EXAMPLES);
      if (example) {
        assertFalse(referenced.contains(file), file + " is an example, not for kustomize");
      } else if (!file.getFileName().toString().equals("kustomization.yaml")) {
        assertTrue(referenced.contains(file), file + " is in no kustomization");
      }
    }
  }

  @Test
  void everyYamlParses() {
    assertFalse(Manifests.ALL.isEmpty());
    for (Manifest m : Manifests.ALL) {
      assertFalse(m.kind().isEmpty() || m.name().isEmpty(), "no kind or name: " + m);
    }
  }

  @Test
  void ingressExampleRoutesToExistingServicePorts() {
    for (Manifest ingress : Manifests.ofKind("Ingress")) {
      for (JsonNode backend : ingress.doc().findValues("service")) {
        String name = backend.path("name").asText();
        String port = backend.path("port").path("name").asText();
        assertTrue(Manifests.ofKind("Service").stream().anyMatch(s -> s.name().equals(name)
            && s.doc().path("spec").path("ports").findValuesAsText("name").contains(port)),
            ingress + ": no Service " + name + " with port " + port);
      }
      assertFalse(ingress.doc().path("spec").path("tls").isEmpty(), ingress + " without TLS");
    }
  }
}
