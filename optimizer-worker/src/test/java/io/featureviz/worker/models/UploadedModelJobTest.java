package io.featureviz.worker.models;

import static io.featureviz.worker.KafkaTestClient.JOB_TIMEOUT;
import static io.featureviz.worker.KafkaTestClient.finished;
import static io.featureviz.worker.KafkaTestClient.framesOf;
import static io.featureviz.worker.KafkaTestClient.sendJob;
import static io.featureviz.worker.KafkaTestClient.terminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.optvis.model.onnx.TinyOnnx;
import io.featureviz.worker.KafkaTestClient.Tail;
import io.featureviz.worker.TestJobs;
import io.featureviz.worker.config.StorageConfig;
import io.featureviz.worker.config.WorkerConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Jobs on models users uploaded: the worker fetches them from the bucket by id. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class UploadedModelJobTest {

  @Inject
  StorageConfig storage;

  @Inject
  WorkerConfig worker;

  @Test
  void jobOnAnUploadedModelIsRenderedFromTheBucketsFiles() throws Exception {
    // stored as job-api stores a tflite upload: models/<id>/<id>.tflite
    String model = "upload-" + UUID.randomUUID().toString().substring(0, 8);
    Path tflite = Path.of(System.getProperty("fv.models.dir"),
        "mobilenet_v2_1.0_224_quant", "mobilenet_v2_1.0_224_quant.tflite");
    Path folder = Files.createDirectories(Files.createTempDirectory("fv-test-").resolve(model));
    Files.copy(tflite, folder.resolve(model + ".tflite"));
    TestBucket.putModel(storage, model, folder);

    JobEvent end = runJob(model);

    assertEquals(JobStatus.SUCCEEDED, end.status(), end.reason());
    assertTrue(Files.isRegularFile(
        worker.modelCacheDir().resolve(model).resolve(model + ".tflite")));
  }

  @Test
  void jobOnAnUploadedOnnxModelIsRenderedIntoFrames() throws Exception {
    // stored as job-api stores an onnx zip: the .onnx, its external data, featureviz-model.json
    String model = "onnx-" + UUID.randomUUID().toString().substring(0, 8);
    Path folder = Files.createDirectories(Files.createTempDirectory("fv-test-").resolve(model));
    Files.write(folder.resolve("net.onnx"), TinyOnnx.model(13, TinyOnnx.convRelu(),
        List.of(TinyOnnx.externalTensor("w", TinyOnnx.WEIGHT_SHAPE, "data/w.bin"))));
    Files.write(Files.createDirectories(folder.resolve("data")).resolve("w.bin"),
        TinyOnnx.weightsData());
    Files.writeString(folder.resolve("featureviz-model.json"),
        "{\"id\": \"" + model + "\", \"format\": \"onnx\", \"model\": \"net.onnx\"}");
    // the engine names the layers: take one from the folder as the worker will load it
    String layer = new ModelCatalog(folder.getParent()).load(folder.toString()).info().layers()
        .stream().filter(l -> l.channels() == 4 && l.height() > 1).findFirst().orElseThrow()
        .name();
    TestBucket.putModel(storage, model, folder);

    String id = "job-" + UUID.randomUUID();
    try (Tail events = new Tail(Topics.EVENTS); Tail frames = new Tail(Topics.FRAMES)) {
      JobEvent end = runJob(id, model, layer + ":2", events);
      assertEquals(JobStatus.SUCCEEDED, end.status(), end.reason());
      // steps 2, 4 and the final 6
      assertEquals(3, framesOf(frames.await(r -> framesOf(r, id).size() >= 3,
          Duration.ofSeconds(10), "3 frames"), id).size());
    }
  }

  @Test
  void jobOnAnIdNoOneUploadedFailsAsUnknown() {
    for (String model : List.of("never-uploaded", "../mobilenet_v2_1.0_224_quant")) {
      JobEvent end = runJob(model);
      assertEquals(JobStatus.FAILED, end.status());
      assertTrue(end.reason().startsWith("unknown model: '" + model + "'"), end.reason());
    }
  }

  private static JobEvent runJob(String model) {
    try (Tail events = new Tail(Topics.EVENTS)) {
      return runJob("job-" + UUID.randomUUID(), model, "expanded_conv_2/add:5", events);
    }
  }

  private static JobEvent runJob(String id, String model, String objective, Tail events) {
    sendJob(id, Messages.write(TestJobs.withOwner(TestJobs.job(id, objective), TestJobs.TENANT,
        model)));
    List<ConsumerRecord<String, byte[]>> seen =
        events.await(r -> finished(r, id), JOB_TIMEOUT, "job " + id + " to finish");
    return terminal(seen, id);
  }
}
