package io.featureviz.api.models;

import static io.featureviz.api.testing.TestUploads.upload;
import static io.featureviz.api.testing.TestUploads.zip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.storage.Presigner;
import io.featureviz.api.testing.TestImages;
import io.featureviz.api.testing.TinyOnnxClassifier;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.optvis.model.onnx.TinyOnnx;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ONNX uploads: a .onnx file, or a zip of one with its external data, metadata and labels, laid
 * out for the import with the metadata the server wrote.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OnnxUploadTest {

  @Inject
  BucketObjects objects;

  @Inject
  Presigner presigner;

  @Inject
  ObjectMapper json;

  @Test
  void onnxFileUploadIsStoredWithItsMetadataAndLabels() throws Exception {
    upload("onnx").multiPart("id", "tiny-onnx")
        .multiPart("file", "classifier.onnx", TinyOnnxClassifier.bytes())
        .multiPart("metadata", "{\"value_range\": [0, 1]}")
        .multiPart("labels", TinyOnnxClassifier.LABELS_TEXT)
        .post("/v1/models")
        .then().statusCode(202)
        .header("Location", containsString("/v1/models/tiny-onnx"))
        .body("id", equalTo("tiny-onnx"))
        .body("status", equalTo("IMPORTING"))
        .body("format", equalTo("onnx"));

    assertEquals(List.of("models/tiny-onnx/featureviz-model.json", "models/tiny-onnx/labels.txt",
        "models/tiny-onnx/tiny-onnx.onnx"), objects.keys("models/tiny-onnx/"));
    JsonNode metadata = storedMetadata("tiny-onnx");
    assertEquals("onnx", metadata.get("format").asText());
    assertEquals("tiny-onnx.onnx", metadata.get("model").asText());
    assertEquals("labels.txt", metadata.get("labels").asText());
    assertEquals(1, metadata.get("value_range").get(1).asInt());
  }

  @Test
  void onnxZipWithExternalDataIsStoredAndItsOwnPathsAreReplaced() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("net/net.onnx", TinyOnnxClassifier.withExternalWeights("weights/conv.bin"));
    entries.put("net/weights/conv.bin", TinyOnnx.weightsData());
    entries.put("net/labels.txt", bytes(TinyOnnxClassifier.LABELS_TEXT));
    // paths a user must not choose: the server names the files itself
    entries.put("net/featureviz-model.json", bytes("{\"id\": \"other\", \"format\": \"onnx\","
        + " \"model\": \"../../elsewhere.onnx\", \"labels\": \"/etc/passwd\"}"));
    upload("onnx").multiPart("id", "zipped-onnx")
        .multiPart("file", "net.zip", zip(entries))
        .post("/v1/models")
        .then().statusCode(202)
        .body("id", equalTo("zipped-onnx"))
        .body("format", equalTo("onnx"));

    assertEquals(List.of("models/zipped-onnx/featureviz-model.json",
        "models/zipped-onnx/labels.txt", "models/zipped-onnx/net.onnx",
        "models/zipped-onnx/weights/conv.bin"), objects.keys("models/zipped-onnx/"));
    JsonNode metadata = storedMetadata("zipped-onnx");
    assertEquals("zipped-onnx", metadata.get("id").asText());
    assertEquals("net.onnx", metadata.get("model").asText());
    assertEquals(false, metadata.has("labels"), metadata.toString());
  }

  private JsonNode storedMetadata(String id) throws Exception {
    String url = presigner.downloadUrl("models/" + id + "/featureviz-model.json");
    return json.readTree(TestImages.download(url).body());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
