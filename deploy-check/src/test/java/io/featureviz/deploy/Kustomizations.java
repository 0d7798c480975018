package io.featureviz.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The kustomization.yaml files under deploy/k8s and the paths they refer to. */
final class Kustomizations {

  private Kustomizations() {}

  static List<Path> files() {
    return Repo.files(Repo.K8S, "kustomization.yaml");
  }

  /** Every path a kustomization names, resolved against its folder. */
  static List<Path> references(Path kustomization) {
    JsonNode k = Repo.documents(kustomization).get(0);
    List<String> names = new ArrayList<>();
    k.path("resources").forEach(r -> names.add(r.asText()));
    k.path("components").forEach(c -> names.add(c.asText()));
    k.path("patches").forEach(p -> {
      if (p.has("path")) {
        names.add(p.path("path").asText());
      }
    });
    for (String generators : new String[] {"configMapGenerator", "secretGenerator"}) {
      k.path(generators).forEach(g -> {
        g.path("files").forEach(f -> names.add(f.asText().replaceFirst("^[^=]*=", "")));
        g.path("envs").forEach(e -> names.add(e.asText()));
      });
    }
    Path dir = kustomization.getParent();
    return names.stream().map(n -> dir.resolve(n).normalize()).toList();
  }
}
