package io.featureviz.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelCatalogEntry;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.messages.ModelImport;
import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.contracts.messages.ModelStatus;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.contracts.objective.LayerShape;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.metadata.ModelsTable;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The model catalog from {@code fv.models}: built-in models' descriptions, imports that ended
 * READY or FAILED. The topic has one partition, so an entry sent last and awaited means every
 * entry before it was consumed.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ModelCatalogConsumerTest {

  private static final String MODEL_ROW = """
      SELECT status, description::text AS description, failure, input_size, layer_count, classes
      FROM models WHERE id = ?""";

  @Inject
  SinkTestSupport bus;

  @Test
  void builtInModelIsReadyWithItsDescription() throws Exception {
    String id = "builtin-" + UUID.randomUUID();
    ModelDescription description = description(id, "tfjs-layers", 299, 1001);
    send(ModelCatalogEntry.builtIn(description, "w1"));

    Map<String, Object> row = bus.awaitRow(MODEL_ROW, id);
    assertEquals("READY", row.get("status"));
    assertEquals(description, ModelsTable.description((String) row.get("description")));
    assertEquals(299, row.get("input_size"));
    assertEquals(2, row.get("layer_count"));
    assertEquals(1001, row.get("classes"));
    assertNull(bus.rows("SELECT tenant FROM models WHERE id = ?", id).get(0).get("tenant"));
  }

  @Test
  void builtInModelDescribedAgainKeepsOneRowWithTheNewestDescription() throws Exception {
    String id = "builtin-" + UUID.randomUUID();
    send(ModelCatalogEntry.builtIn(description(id, "tfjs-layers", 224, 10), "w1"));
    ModelDescription newer = description(id, "tfjs-layers", 224, 20);
    send(ModelCatalogEntry.builtIn(newer, "w2"));
    awaitMarker();

    List<Map<String, Object>> rows = bus.rows(MODEL_ROW, id);
    assertEquals(1, rows.size());
    assertEquals(newer, ModelsTable.description((String) rows.get(0).get("description")));
    assertEquals(20, rows.get(0).get("classes"));
  }

  @Test
  void importedUploadBecomesReadyWithItsSizes() throws Exception {
    String id = importing();
    ModelDescription description = description(id, "tflite", 128, 3);
    send(ModelCatalogEntry.imported(request(id), description, "w1"));

    Map<String, Object> row = awaitStatus(id, "READY");
    assertEquals(description, ModelsTable.description((String) row.get("description")));
    assertNull(row.get("failure"));
    assertEquals(128, row.get("input_size"));
    assertEquals(2, row.get("layer_count"));
    assertEquals(3, row.get("classes"));
  }

  @Test
  void failedImportKeepsItsReasonAndLeavesNoFileInTheBucket() throws Exception {
    String id = importing();
    String prefix = ModelKeys.prefix(id);
    bus.put(prefix + "model.json", bytes("{}"));
    bus.put(prefix + "group1-shard1of1.bin", bytes("weights"));
    // Another model whose id starts with this one's: its files are not this model's.
    String neighbour = ModelKeys.prefix(id + "b") + "model.tflite";
    bus.put(neighbour, bytes("tflite"));
    String reason = "node 'conv2d/Conv2D': unsupported op Conv3D";
    send(ModelCatalogEntry.failed(request(id), reason, "w1"));

    Map<String, Object> row = awaitStatus(id, "FAILED");
    assertEquals(reason, row.get("failure"));
    assertNull(row.get("description"));
    assertEquals(List.of(), bus.keys(prefix));
    assertEquals(List.of(neighbour), bus.keys(ModelKeys.prefix(id + "b")));
  }

  @Test
  void repeatedFailureKeepsTheFirstReasonAndRemovesFilesLeftBehind() throws Exception {
    String id = importing();
    String first = "node 'conv2d/Conv2D': unsupported op Conv3D";
    send(ModelCatalogEntry.failed(request(id), first, "w1"));
    awaitStatus(id, "FAILED");
    // As if the sink had stopped between the row and the removal: a file is still there when
    // the entry comes again (a redelivery), with the reason a second import would give.
    String file = ModelKeys.prefix(id) + "model.tflite";
    bus.put(file, bytes("tflite"));
    send(ModelCatalogEntry.failed(request(id), "no files under " + ModelKeys.prefix(id), "w2"));
    awaitMarker();

    assertEquals(first, bus.rows(MODEL_ROW, id).get(0).get("failure"));
    assertEquals(List.of(), bus.keys(ModelKeys.prefix(id)));
  }

  @Test
  void failureAfterReadyChangesNothing() throws Exception {
    String id = importing();
    String file = ModelKeys.prefix(id) + "model.tflite";
    bus.put(file, bytes("tflite"));
    ModelDescription description = description(id, "tflite", 128, 3);
    send(ModelCatalogEntry.imported(request(id), description, "w1"));
    // A redelivered import request that failed on a second worker.
    send(ModelCatalogEntry.failed(request(id), "object store unavailable", "w2"));
    awaitMarker();

    Map<String, Object> row = bus.rows(MODEL_ROW, id).get(0);
    assertEquals("READY", row.get("status"));
    assertNull(row.get("failure"));
    assertEquals(description, ModelsTable.description((String) row.get("description")));
    assertEquals(List.of(file), bus.keys(ModelKeys.prefix(id)));
  }

  /** Entries that no redelivery can make writable are skipped; the ones after them are written. */
  @Test
  void unreadableOrRefusedEntriesAreSkipped() throws Exception {
    String refused = "builtin-" + UUID.randomUUID();
    bus.send(Topics.MODELS, "garbage", bytes("not json"));
    bus.send(Topics.MODELS, refused,
        bytes("{\"v\": 1, \"model_id\": \"" + refused + "\", \"at\": 0}"));
    // The database refuses a built-in model without format (NOT NULL).
    send(ModelCatalogEntry.builtIn(description(refused, null, 224, 10), "w1"));
    String failedBuiltIn = "builtin-" + UUID.randomUUID();
    send(new ModelCatalogEntry(Messages.VERSION, failedBuiltIn, null, ModelStatus.FAILED, null,
        "no", "w1", 0L));
    awaitMarker();

    assertTrue(bus.rows(MODEL_ROW, refused).isEmpty());
    assertTrue(bus.rows(MODEL_ROW, failedBuiltIn).isEmpty());
  }

  /** An uploaded model's row as the job API writes it: IMPORTING, with its files' summary. */
  private String importing() throws Exception {
    String id = "up-" + UUID.randomUUID();
    bus.update("""
        INSERT INTO models (id, tenant, format, object_prefix, sha256, bytes)
        VALUES (?, 't1', 'tflite', ?, 'c0ffee', 42)""", id, ModelKeys.prefix(id));
    assertEquals("IMPORTING", bus.rows(MODEL_ROW, id).get(0).get("status"));
    return id;
  }

  private Map<String, Object> awaitStatus(String id, String status) {
    return bus.awaitRow(MODEL_ROW.replace("WHERE id = ?", "WHERE id = ? AND status = ?"), id,
        status);
  }

  /** Sends a built-in model's entry after the others and waits until it is written. */
  private void awaitMarker() throws Exception {
    String marker = "marker-" + UUID.randomUUID();
    send(ModelCatalogEntry.builtIn(description(marker, "tflite", 224, 0), "w1"));
    bus.awaitRow(MODEL_ROW, marker);
  }

  private void send(ModelCatalogEntry entry) throws Exception {
    bus.send(Topics.MODELS, entry.modelId(), Messages.write(entry));
  }

  private static ModelImport request(String id) {
    return ModelImport.of(id, "t1", "tflite");
  }

  private static ModelDescription description(String id, String format, int size, int classes) {
    List<String> labels = IntStream.range(0, classes)
        .mapToObj(i -> "class " + i).toList();
    return new ModelDescription(id, format, size, -1f, 1f, List.of(0.5f, 0.5f, 0.5f),
        List.of(0.25f, 0.25f, 0.25f), List.of(new LayerShape("conv", 32, size / 2, size / 2),
            new LayerShape("logits", Math.max(classes, 1), 1, 1)), labels, "logits");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
