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
  private static final Pattern FROM = Pattern.compile("(?m)^FROM (\\S+)");
  /** nvidia/cuda:MAJOR.MINOR.PATCH-cudnnMAJOR-runtime-OS, the CUDA and cuDNN it holds. */
  private static final Pattern CUDA_BASE =
      Pattern.compile("nvidia/cuda:(\\d+\\.\\d+)\\.\\d+-cudnn(\\d+)-runtime-[a-z0-9.]+");

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

  /**
   * The GPU image's CUDA and cuDNN are those the TensorFlow natives were built for, recorded once
   * in the root pom (how they were read is said there): on another cuDNN major TensorFlow finds no
   * usable GPU and renders on the CPU. The image build itself fails without that library.
   */
  @Test
  void gpuImageProvidesTheCudaAndCudnnOfTheNatives() {
    String pom = Repo.read(Repo.ROOT.resolve("pom.xml"));
    String cuda = only(Pattern.compile("<tensorflow\\.native\\.cuda>([^<]+)<"), pom);
    String cudnn = only(Pattern.compile("<tensorflow\\.native\\.cudnn>([^<]+)<"), pom);
    String cudnnMajor = cudnn.substring(0, cudnn.indexOf('.'));
    Path dockerfile = Repo.ROOT.resolve("optimizer-worker/src/main/docker/Dockerfile.gpu");
    String text = Repo.read(dockerfile);

    Matcher base = CUDA_BASE.matcher(only(FROM, text));
    assertTrue(base.matches(), dockerfile + ": not an nvidia/cuda cudnn runtime image");
    assertEquals(cuda, base.group(1), dockerfile + ": CUDA of the base image");
    assertEquals(cudnnMajor, base.group(2), dockerfile + ": cuDNN of the base image");
    assertTrue(text.contains("RUN ldconfig -p | grep -q 'libcudnn.so." + cudnnMajor + " '"),
        dockerfile + ": the build does not check for libcudnn.so." + cudnnMajor);
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
