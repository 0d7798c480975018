package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.deploy.Manifests.Container;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every image is pinned to a version: {@code latest}, or no tag at all, changes under a running
 * install at the next pull, and two nodes may run different releases.
 */
class ImagePinsTest {

  /** {@code ${NAME:-default}} or {@code ${NAME}}: what compose puts in when .env is silent. */
  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\{[A-Za-z0-9_]+(?::?-([^}]*))?}");
  private static final Pattern DOCKERFILE_IMAGE =
      Pattern.compile("(?m)^FROM (\\S+)|--from=(\\S+)");

  @Test
  void composeImagesArePinned() {
    Repo.documents(Repo.COMPOSE).get(0).path("services").fields().forEachRemaining(service -> {
      String image = service.getValue().path("image").asText();
      Matcher variable = INTERPOLATION.matcher(image);
      StringBuilder resolved = new StringBuilder();
      while (variable.find()) {
        variable.appendReplacement(resolved, Matcher.quoteReplacement(
            variable.group(1) == null ? "" : variable.group(1)));
      }
      variable.appendTail(resolved);
      assertPinned("compose " + service.getKey(), resolved.toString());
    });
  }

  @Test
  void kubernetesImagesArePinnedHereOrByTheirKustomization() {
    Map<String, String> kustomizeTags = new HashMap<>();
    for (Path kustomization : Kustomizations.files()) {
      for (JsonNode image : Repo.documents(kustomization).get(0).path("images")) {
        String tag = image.has("digest") ? "@" + image.path("digest").asText()
            : ":" + image.path("newTag").asText();
        kustomizeTags.put(image.path("newName").asText(image.path("name").asText()), tag);
        kustomizeTags.put(image.path("name").asText(), tag);
      }
    }
    for (Container c : Manifests.containers()) {
      String image = c.spec().path("image").asText();
      if (!image.isEmpty()) {
        assertPinned(c.toString(), image.contains(":") || image.contains("@") ? image
            : image + kustomizeTags.getOrDefault(image, ""));
      }
    }
  }

  @Test
  void dockerfileImagesArePinned() {
    List<Path> dockerfiles = Repo.files(Repo.ROOT, "").stream()
        .filter(p -> p.getParent().endsWith(Path.of("src/main/docker"))
            && p.getFileName().toString().startsWith("Dockerfile")).toList();
    assertFalse(dockerfiles.isEmpty());
    for (Path dockerfile : dockerfiles) {
      Matcher image = DOCKERFILE_IMAGE.matcher(Repo.read(dockerfile));
      while (image.find()) {
        assertPinned(Repo.ROOT.relativize(dockerfile).toString(),
            image.group(1) != null ? image.group(1) : image.group(2));
      }
    }
  }

  /** A tag other than latest, or a digest. */
  private static void assertPinned(String where, String image) {
    if (image.contains("@sha256:")) {
      return;
    }
    int colon = image.lastIndexOf(':');
    String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "";
    assertTrue(!tag.isEmpty() && !tag.equals("latest"), where + ": image " + image
        + " is not pinned to a version");
  }
}
