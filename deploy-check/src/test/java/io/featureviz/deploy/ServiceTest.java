package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The derivation the other tests rely on: if it accepted every name, they could not fail.
 * Spot checks against what the services' sources visibly say.
 */
class ServiceTest {

  @Test
  void environmentFormIsSmallRyes() {
    assertEquals("QUARKUS_DATASOURCE_JDBC_URL", Service.env("quarkus.datasource.jdbc.url"));
    assertEquals("FV_WORKER_JOBS_GROUP_ID", Service.env("fv.worker.jobs.group-id"));
    assertEquals("presign-expiry", ConfigMappingKeys.kebab("presignExpiry"));
  }

  @Test
  void namesComeFromPropertiesMappingsAndGetenv() {
    Set<String> api = Service.of("job-api").envNames();
    assertTrue(api.contains("KAFKA_BOOTSTRAP_SERVERS"), "application.properties");
    assertTrue(api.contains("FV_STORAGE_PUBLIC_ENDPOINT"), "Optional in ApiConfig");
    Set<String> worker = Service.of("optimizer-worker").envNames();
    assertTrue(worker.contains("FV_WORKER_JOBS_GROUP_ID"), "nested group of WorkerConfig");
    assertTrue(worker.contains("CUDA_VISIBLE_DEVICES"), "System.getenv in the worker");
  }

  @Test
  void otherServicesNamesAndTyposAreRejected() {
    Set<String> sink = Service.of("storage-sink").envNames();
    assertFalse(sink.contains("FV_MODELS_DIR"), "the sink has no models (nor optvis)");
    Set<String> api = Service.of("job-api").envNames();
    assertFalse(api.contains("FV_MODELS_DIR"), "the API reads the catalog, it loads no model");
    assertFalse(api.contains("FV_CACHE_DIR"), "the API carries no engine, hence no natives");
    assertFalse(sink.contains("FV_WORKER_DEVICE"));
    assertFalse(sink.contains("FV_STORAGE_ENDPOIN"));
    assertFalse(Service.of("optimizer-worker").envNames().contains("FV_STORAGE_PRESIGN_EXPIRY"),
        "presigned URLs are the API's business");
  }

  @Test
  void valuesComeFromPropertiesThenMappingDefaults() {
    Service worker = Service.of("optimizer-worker");
    assertEquals("fv-optimizer-workers", worker.value("fv.worker.jobs.group-id").orElseThrow());
    assertEquals(8080, Service.of("job-api").httpPort());
    assertTrue(worker.machineLocalKeys().contains("kafka.bootstrap.servers"));
    assertTrue(worker.machineLocalKeys().contains("fv.models.dir"), "a mapping default");
  }
}
