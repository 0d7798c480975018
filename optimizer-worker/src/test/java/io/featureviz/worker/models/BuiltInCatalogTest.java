package io.featureviz.worker.models;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.BuiltInModels;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelCatalogEntry;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.messages.ModelStatus;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.worker.KafkaTestClient.Tail;
import io.featureviz.worker.engine.WorkerIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** At start-up the worker describes the built-in models in the catalog, then reports ready. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class BuiltInCatalogTest {

  private static final Duration STARTUP = Duration.ofSeconds(90);

  @Inject
  WorkerIdentity identity;

  @Test
  void everyBuiltInModelIsPublishedWithItsLayersAndLabelsAsTheEngineLoadsIt() {
    Map<String, ModelCatalogEntry> entries = builtInEntries();

    // a catalog of the test's own: what the engine says of the same files
    ModelCatalog engine = new ModelCatalog(Path.of(System.getProperty("fv.models.dir")));
    for (String id : BuiltInModels.IDS) {
      ModelCatalogEntry entry = entries.get(id);
      assertEquals(ModelStatus.READY, entry.status());
      assertNull(entry.tenant(), "built-ins are everyone's");
      assertEquals(identity.id(), entry.worker());
      assertEquals(engine.load(id).info().description(), entry.description());
    }
    ModelDescription inception = entries.get(BuiltInModels.INCEPTION_V3).description();
    assertEquals(768, inception.layer("mixed4").orElseThrow().channels());
    assertEquals(299, inception.inputSize());
    ModelDescription mobilenet = entries.get(BuiltInModels.MOBILENET_V2).description();
    assertEquals(24, mobilenet.layer("expanded_conv_2/add").orElseThrow().channels());
    assertEquals(1001, mobilenet.labels().size());
    assertTrue(mobilenet.logits().isPresent());
  }

  @Test
  void readinessWaitsForTheBuiltInModelsCatalog() {
    builtInEntries();
    await().atMost(STARTUP).untilAsserted(() -> given().get("/q/health/ready").then()
        .statusCode(200)
        .body("checks.find { it.name == 'fv-model-catalog' }.status", is("UP"))
        .body("checks.find { it.name == 'fv-model-catalog' }.data.'built-in-models-published'",
            is(String.join(",", BuiltInModels.IDS))));
  }

  /** The newest entry of each built-in on fv.models, keyed by model id. */
  private static Map<String, ModelCatalogEntry> builtInEntries() {
    try (Tail models = Tail.fromStart(Topics.MODELS)) {
      List<ConsumerRecord<String, byte[]>> records = models.await(
          r -> newest(r).keySet().containsAll(BuiltInModels.IDS), STARTUP,
          "the built-in models' catalog entries");
      return newest(records);
    }
  }

  private static Map<String, ModelCatalogEntry> newest(
      List<ConsumerRecord<String, byte[]>> records) {
    Map<String, ModelCatalogEntry> byId = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      ModelCatalogEntry entry = Messages.read(record.value(), ModelCatalogEntry.class);
      assertEquals(record.key(), entry.modelId(), "keyed by model id");
      if (entry.tenant() == null) {
        byId.put(entry.modelId(), entry);
      }
    }
    return byId;
  }
}
