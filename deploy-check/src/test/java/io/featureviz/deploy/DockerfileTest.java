package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The images compose builds: Quarkus fast-jars, on the service's port, as the pods' user. */
class DockerfileTest {

  private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE (\\d+)$");
  private static final Pattern USER = Pattern.compile("(?m)^USER (\\d+)$");

  @Test
  void everyComposeBuildHasAQuarkusDockerfile() {
    JsonNode services = Repo.documents(Repo.COMPOSE).get(0).path("services");
    ComposeTest.builtServices().forEach((name, module) -> {
      JsonNode build = services.path(name).path("build");
      Path dockerfile = Repo.ROOT.resolve(build.path("context").asText())
          .resolve(build.path("dockerfile").asText()).normalize();
      assertTrue(Files.isRegularFile(dockerfile), name + ": no " + dockerfile);
      String text = Repo.read(dockerfile);
      assertTrue(text.contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/"),
          dockerfile + ": not the fast-jar layout");
      assertEquals(String.valueOf(Service.of(module).httpPort()), only(EXPOSE, text), dockerfile
          + ": EXPOSE");
      assertEquals(String.valueOf(podUser()), only(USER, text), dockerfile + ": USER");
    });
  }

  /** runAsUser of the services' pods (base/service-pod-defaults.yaml). */
  private static int podUser() {
    for (JsonNode op : Repo.documents(Repo.K8S.resolve("base/service-pod-defaults.yaml"))
        .get(0)) {
      if (op.path("path").asText().equals("/spec/template/spec/securityContext")) {
        return op.path("value").path("runAsUser").asInt();
      }
    }
    throw new AssertionError("no pod securityContext in service-pod-defaults.yaml");
  }

  private static String only(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertTrue(m.find(), "no " + pattern);
    String value = m.group(1);
    assertTrue(!m.find() || m.group(1).equals(value), "several " + pattern);
    return value;
  }
}
