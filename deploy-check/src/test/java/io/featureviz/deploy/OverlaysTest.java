package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.deploy.Manifests.Container;
import io.featureviz.deploy.Manifests.Manifest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** overlays/self-contained against base's endpoints, and the GPU component. */
class OverlaysTest {

  private static final String NAMESPACE = Repo.documents(Repo.K8S.resolve(
      "base/kustomization.yaml")).get(0).path("namespace").asText();

  @Test
  void endpointsNameTheSelfContainedServices() {
    URI kafka = URI.create("kafka://" + endpoint("kafka-bootstrap-servers"));
    URI s3 = URI.create(endpoint("s3-endpoint"));
    URI jdbc = URI.create(endpoint("jdbc-url").substring("jdbc:".length()));
    assertServes(kafka);
    assertServes(s3);
    assertServes(jdbc);
    assertEquals("/" + env(container("postgres"), "POSTGRES_DB"), jdbc.getPath());
    assertEquals("PLAINTEXT://" + endpoint("kafka-bootstrap-servers"),
        env(container("kafka"), "KAFKA_ADVERTISED_LISTENERS"));
  }

  @Test
  void kafkaMatchesTheClientsAndTheFrameSize() {
    Container kafka = container("kafka");
    Broker.assertFitsTheServices(kafka.toString(), kafka.spec().path("image").asText(),
        env(kafka, "KAFKA_MESSAGE_MAX_BYTES"), env(kafka, "KAFKA_NUM_PARTITIONS"));
    assertEquals(kafka.spec().path("image").asText(),
        container("create-topics").spec().path("image").asText());
  }

  @Test
  void jobsCreateTheTopicsAndTheBucket() {
    Container topics = container("create-topics");
    Broker.assertCreatesTheTopics(topics.toString(), env(topics, "TOPICS"),
        env(topics, "PARTITIONS"));
    assertEquals("kafka-bootstrap-servers", configKey(topics, "BOOTSTRAP_SERVER"));

    Container bucket = container("create-bucket");
    assertEquals("s3-bucket", configKey(bucket, "BUCKET"));
    assertEquals("s3-endpoint", configKey(bucket, "S3_ENDPOINT"));
    for (String module : new String[] {"job-api", "storage-sink"}) {
      assertEquals(Service.of(module).value("fv.storage.bucket").orElseThrow(),
          endpoint("s3-bucket"), module);
    }
  }

  /**
   * Every worker KEDA may start gets partitions of fv.jobs to read, whether the topics Job or a
   * client that came first created the topic: a pod beyond the partitions would idle.
   */
  @Test
  void workersNeverOutnumberThePartitionsOfTheJobsTopic() {
    Container topics = container("create-topics");
    int partitions = Contracts.topicSpecs(env(topics, "TOPICS"),
        Integer.parseInt(env(topics, "PARTITIONS"))).get(Topics.JOBS).partitions();
    int autoCreated = Integer.parseInt(env(container("kafka"), "KAFKA_NUM_PARTITIONS"));
    int maxWorkers = Manifests.ofKind("ScaledObject").get(0).doc().path("spec")
        .path("maxReplicaCount").asInt();
    assertTrue(maxWorkers <= partitions, maxWorkers + " workers, " + partitions
        + " partitions of " + Topics.JOBS);
    assertTrue(maxWorkers <= autoCreated, maxWorkers + " workers, " + autoCreated
        + " partitions of an auto-created " + Topics.JOBS);
  }

  @Test
  void gpuComponentPutsTheWorkerOnOneGpu() {
    Container worker = Manifests.containers().stream()
        .filter(c -> c.workload().in("components/gpu") && c.name().equals("optimizer-worker"))
        .findFirst().orElseThrow();
    JsonNode resources = worker.spec().path("resources");
    assertEquals(1, resources.path("limits").path("nvidia.com/gpu").asInt());
    assertEquals(1, resources.path("requests").path("nvidia.com/gpu").asInt());
    // The image compose builds from Dockerfile.gpu.
    String composeImage = Repo.documents(Repo.COMPOSE).get(0).path("services")
        .path("optimizer-worker-gpu").path("image").asText();
    assertEquals(composeImage.substring(0, composeImage.indexOf(':')),
        worker.spec().path("image").asText());
    Manifest config = Manifests.ofKind("ConfigMap").stream()
        .filter(m -> m.in("components/gpu")).findFirst().orElseThrow();
    assertEquals("gpu", config.doc().path("data").path("FV_WORKER_DEVICE").asText());
    assertEquals(KubernetesTest.baseServiceContainers().stream()
            .filter(c -> c.name().equals("optimizer-worker")).findFirst().orElseThrow()
            .spec().path("envFrom").path(0).path("configMapRef").path("name").asText(),
        config.name(), "the patch must hit the worker's ConfigMap");
  }

  /**
   * A Deployment on GPUs replaces pods without a surge pod: the surge pod would wait for a spare
   * GPU, and with every GPU busy the rollout would never end.
   */
  @Test
  void gpuRolloutNeedsNoSpareGpu() {
    List<Manifest> onGpus = Manifests.containers().stream()
        .filter(c -> c.spec().path("resources").path("limits").has("nvidia.com/gpu"))
        .map(Container::workload).distinct().toList();
    assertFalse(onGpus.isEmpty());
    for (Manifest deployment : onGpus) {
      JsonNode strategy = deployment.doc().path("spec").path("strategy");
      String type = strategy.path("type").asText();
      String surge = strategy.path("rollingUpdate").path("maxSurge").asText();
      assertTrue(type.equals("Recreate")
              || type.equals("RollingUpdate") && (surge.equals("0") || surge.equals("0%")),
          deployment + ": strategy " + strategy + " surges a pod that needs a spare GPU");
    }
  }

  /** A Service of the self-contained overlay answers at the host (name.namespace...) and port. */
  private static void assertServes(URI endpoint) {
    String[] labels = endpoint.getHost().split("\\.");
    assertEquals(NAMESPACE, labels[1], endpoint + ": namespace");
    Manifest service = Manifests.ofKind("Service").stream()
        .filter(m -> m.in("overlays/self-contained") && m.name().equals(labels[0]))
        .findFirst().orElseThrow(() -> new AssertionError("no Service " + labels[0]));
    boolean port = false;
    for (JsonNode p : service.doc().path("spec").path("ports")) {
      port |= p.path("port").asInt() == endpoint.getPort();
    }
    assertTrue(port, service + " has no port " + endpoint.getPort());
  }

  private static String endpoint(String key) {
    return Manifests.configValue("featureviz-endpoints", key);
  }

  private static Container container(String name) {
    return Manifests.containers().stream()
        .filter(c -> c.workload().in("overlays/self-contained") && c.name().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no container " + name));
  }

  private static String env(Container c, String name) {
    JsonNode e = Manifests.env(c, name);
    assertTrue(e.has("value"), c + ": no literal " + name);
    return e.path("value").asText();
  }

  /** The featureviz-endpoints key a variable is taken from. */
  private static String configKey(Container c, String name) {
    JsonNode ref = Manifests.env(c, name).path("valueFrom").path("configMapKeyRef");
    assertEquals("featureviz-endpoints", ref.path("name").asText(), c + ": " + name);
    return ref.path("key").asText();
  }
}
