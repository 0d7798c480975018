package io.featureviz.worker.models;

import static io.featureviz.worker.KafkaTestClient.JOB_TIMEOUT;
import static io.featureviz.worker.KafkaTestClient.finished;
import static io.featureviz.worker.KafkaTestClient.send;
import static io.featureviz.worker.KafkaTestClient.sendJob;
import static io.featureviz.worker.KafkaTestClient.terminal;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelCatalogEntry;
import io.featureviz.contracts.messages.ModelImport;
import io.featureviz.contracts.messages.ModelStatus;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.optvis.model.ModelDescriber;
import io.featureviz.optvis.model.onnx.TinyOnnx;
import io.featureviz.worker.KafkaTestClient.Tail;
import io.featureviz.worker.TestJobs;
import io.featureviz.worker.config.StorageConfig;
import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.engine.WorkerIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads stored in the bucket as job-api stores them, and their import requests on
 * {@code fv.model-imports}: the worker answers each on {@code fv.models}, READY with the model's
 * description or FAILED with the reason, whatever the model does to the importing JVM.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class ModelImportsTest {

  private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(90);
  private static final Path MOBILENET = Path.of(System.getProperty("fv.models.dir"),
      "mobilenet_v2_1.0_224_quant");

  @Inject
  StorageConfig storage;

  @Inject
  WorkerConfig worker;

  @Inject
  WorkerIdentity identity;

  @Inject
  BuiltInCatalog builtIns;

  @BeforeEach
  void catalogTopicExists() {
    await().atMost(IMPORT_TIMEOUT).until(builtIns::isDone);
  }

  @Test
  void aTfliteUploadIsImportedReadyWithTheDescriptionTheEngineGivesIt() throws Exception {
    String id = newId("tflite");
    Path folder = folder(id);
    Files.copy(MOBILENET.resolve("mobilenet_v2_1.0_224_quant.tflite"),
        folder.resolve(id + ".tflite"));
    Files.copy(MOBILENET.resolve("imagenet_labels.txt"), folder.resolve("labels.txt"));
    TestBucket.putModel(storage, id, folder);

    ModelCatalogEntry entry = importModel(id, "tflite");

    assertEquals(ModelStatus.READY, entry.status(), entry.reason());
    assertEquals(TestJobs.TENANT, entry.tenant());
    assertEquals(identity.id(), entry.worker());
    assertNull(entry.reason());
    assertEquals(ModelDescriber.describe(folder), entry.description());
    assertEquals(id, entry.description().id());
    assertEquals(1001, entry.description().labels().size());
    // renders find the files where the import put them
    assertTrue(Files.isRegularFile(worker.modelCacheDir().resolve(id).resolve(id + ".tflite")));
  }

  @Test
  void malformedUploadsFailWithTheEnginesReasonAndNoTemporaryPath() throws Exception {
    String garbage = newId("garbage");
    byte[] bytes = new byte[4096];
    new Random(13).nextBytes(bytes);
    Files.write(folder(garbage).resolve(garbage + ".tflite"), bytes);
    TestBucket.putModel(storage, garbage, folder(garbage));
    String onnx = newId("noweights");
    // Conv's weights "w" are neither an initializer nor an output of a node
    onnxUpload(onnx, TinyOnnx.model(13, TinyOnnx.convRelu(), List.of()));

    String tfliteReason = failure(importModel(garbage, "tflite"));
    String onnxReason = failure(importModel(onnx, "onnx"));

    assertTrue(tfliteReason.contains(garbage + ".tflite is not a TFLite model"), tfliteReason);
    assertTrue(onnxReason.contains("Conv node 'conv'") && onnxReason.contains("input 'w'"),
        onnxReason);
    String cache = worker.modelCacheDir().toAbsolutePath().toString();
    for (String reason : List.of(tfliteReason, onnxReason)) {
      assertFalse(reason.contains(cache) || reason.contains("/tmp/"), reason);
    }
    // nothing of a failed import is kept
    assertFalse(Files.exists(worker.modelCacheDir().resolve(garbage)));
    assertFalse(Files.exists(worker.modelCacheDir().resolve(onnx)));
  }

  @Test
  void anImportThatRunsOutOfMemoryFailsAndTheWorkerGoesOn() throws Exception {
    String huge = newId("huge");
    onnxUpload(huge, hugeConstantModel());
    String tiny = newId("tiny");
    onnxUpload(tiny, TinyOnnx.model(13, TinyOnnx.convRelu(),
        List.of(TinyOnnx.tensor("w", TinyOnnx.WEIGHT_SHAPE, TinyOnnx.weights()))));

    assertEquals("the import ran out of memory (max heap " + worker.imports().maxHeap() + ")",
        failure(importModel(huge, "onnx")));

    assertEquals(ModelStatus.READY, importModel(tiny, "onnx").status());
    String job = "job-" + UUID.randomUUID();
    try (Tail events = new Tail(Topics.EVENTS)) {
      sendJob(job, Messages.write(TestJobs.job(job, "expanded_conv_2/add:5")));
      JobEvent end = terminal(events.await(r -> finished(r, job), JOB_TIMEOUT,
          "job " + job + " to finish"), job);
      assertEquals(JobStatus.SUCCEEDED, end.status(), end.reason());
    }
  }

  @Test
  void anUnreadableRequestIsSkippedAndAnInvalidOneNamingItsModelIsAnsweredFailed() {
    String id = newId("invalid");
    String invalid = "{\"v\": 42, \"model_id\": \"" + id + "\", \"tenant\": \""
        + TestJobs.TENANT + "\"}";
    try (Tail models = new Tail(Topics.MODELS)) {
      // same key, same partition: the first is consumed before the second is answered
      send(new ProducerRecord<>(Topics.MODEL_IMPORTS, id, "not JSON".getBytes()));
      send(new ProducerRecord<>(Topics.MODEL_IMPORTS, id,
          invalid.getBytes(StandardCharsets.UTF_8)));

      List<ModelCatalogEntry> answers = entries(models.await(
          r -> !entries(r, id).isEmpty(), IMPORT_TIMEOUT, "the answer to " + id), id);

      assertEquals(1, answers.size(), answers.toString());
      assertEquals(ModelStatus.FAILED, answers.get(0).status());
      assertEquals(TestJobs.TENANT, answers.get(0).tenant());
      assertTrue(answers.get(0).reason().startsWith("invalid import request: unknown schema"
          + " version 42"), answers.get(0).reason());
    }
  }

  private ModelCatalogEntry importModel(String id, String format) {
    try (Tail models = new Tail(Topics.MODELS)) {
      send(new ProducerRecord<>(Topics.MODEL_IMPORTS, id,
          Messages.write(ModelImport.of(id, TestJobs.TENANT, format))));
      return entries(models.await(r -> !entries(r, id).isEmpty(), IMPORT_TIMEOUT,
          "the import of " + id), id).get(0);
    }
  }

  private static List<ModelCatalogEntry> entries(List<ConsumerRecord<String, byte[]>> records,
      String id) {
    return records.stream().filter(r -> id.equals(r.key()))
        .map(r -> Messages.read(r.value(), ModelCatalogEntry.class)).toList();
  }

  private static String failure(ModelCatalogEntry entry) {
    assertEquals(ModelStatus.FAILED, entry.status());
    assertNull(entry.description());
    return entry.reason();
  }

  private static String newId(String kind) {
    return kind + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The upload's folder, named after its id as on the worker. */
  private static Path folder(String id) throws IOException {
    Path folder = Path.of("target", "test-uploads", id);
    return Files.createDirectories(folder);
  }

  /** As job-api stores an ONNX upload: the model file and a featureviz-model.json naming it. */
  private void onnxUpload(String id, byte[] model) throws Exception {
    Path folder = folder(id);
    Files.write(folder.resolve("net.onnx"), model);
    Files.writeString(folder.resolve("featureviz-model.json"),
        "{\"id\": \"" + id + "\", \"format\": \"onnx\", \"model\": \"net.onnx\"}");
    TestBucket.putModel(storage, id, folder);
  }

  /**
   * 270 bytes that make the importer fill a constant of 400 million floats (1.6 GB) as it folds
   * a ConstantOfShape node: beyond the importing JVM's heap.
   */
  private static byte[] hugeConstantModel() throws IOException {
    ByteArrayOutputStream shape = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(shape);
    out.writeInt64(1, 1); // dims: [1]
    out.writeInt32(2, 7); // data_type: INT64
    out.writeInt64(7, 400_000_000L); // int64_data
    out.writeString(8, "shape");
    out.flush();
    List<byte[]> nodes = new ArrayList<>(TinyOnnx.convRelu());
    nodes.add(TinyOnnx.node("ConstantOfShape", "huge", List.of("shape"), List.of("big")));
    return TinyOnnx.model(13, nodes, List.of(
        TinyOnnx.tensor("w", TinyOnnx.WEIGHT_SHAPE, TinyOnnx.weights()), shape.toByteArray()));
  }
}
