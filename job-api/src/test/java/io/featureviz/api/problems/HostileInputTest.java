package io.featureviz.api.problems;

import static io.featureviz.api.testing.TestApi.given;
import static io.featureviz.api.testing.TestImages.datasetUpload;
import static io.featureviz.api.testing.TestImages.photo;
import static io.featureviz.api.testing.TestImages.png;
import static io.featureviz.api.testing.TestImages.pngClaiming;
import static io.featureviz.api.testing.TestUploads.randomBytes;
import static io.featureviz.api.testing.TestUploads.upload;
import static io.featureviz.api.testing.TestUploads.zip;
import static io.featureviz.api.testing.TestUploads.zipBomb;
import static io.featureviz.api.testing.TestUploads.zipWithSymlink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.testing.TestBus;
import io.featureviz.api.testing.TinyGraphDef;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input at every entrance of the API: each request is answered 4xx problem+json naming
 * the field (in {@code errors}, or in {@code detail} where the problem has none) and the reason,
 * and leaves nothing behind: no message, no row, no object. The answers are written to
 * {@code target/hostile-input-report.txt}, one {@code HOSTILE} line per case.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class HostileInputTest {

  private static final Path REPORT = Path.of("target", "hostile-input-report.txt");
  private static final String OK = "\"model\": \"inception_v3\", \"objective\": \"mixed4:97\"";
  private static final String EXPLAIN = "\"kind\": \"explain\", \"model\": \"mobilenet_v2\","
      + " \"layer\": \"expanded_conv_12/add\"";
  private static final String OWL = "\"image\": {\"dataset\": \"photos\", \"name\": \"owl.jpg\"}";
  private static final List<String> ANSWERS = new ArrayList<>();
  private static final String TAKEN_DATASET = "taken-by-a";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject
  AgroalDataSource dataSource;

  @Inject
  BucketObjects bucket;

  private TestBus bus;

  /** One hostile request and the answer it must get. */
  record HostileRequest(String name, Supplier<Response> send, int status, String field,
      String reason) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<HostileRequest> hostileRequests() {
    return Stream.of(jobBodies(), examplesJobBodies(), explainJobBodies(), explainUploads(),
        jobPaths(), listQueries(), uploads(), datasetUploads(), datasetPaths(), sweepBodies(),
        sweepPaths()).flatMap(s -> s);
  }

  private static Stream<HostileRequest> jobBodies() {
    String deepJson = "{\"type\": \"scale\", \"factor\": 2, \"objective\": ".repeat(40)
        + "{\"type\": \"l1\"}" + "}".repeat(40);
    return Stream.of(
        job("truncated JSON", "{\"model\": \"inception_v3\", \"obj", "body", "not valid JSON"),
        job("not JSON at all", "model=inception_v3&objective=mixed4:97", "body", "not valid JSON"),
        job("JSON string body", "\"mixed4:97\"", "body", "must be a JSON object"),
        job("model missing", "{\"objective\": \"mixed4:97\"}", "model", "is required"),
        job("objective missing", "{\"model\": \"inception_v3\"}", "objective", "is required"),
        job("model wrong type", "{\"model\": 42, \"objective\": \"mixed4:97\"}", "model",
            "must be a non-empty string"),
        job("steps wrong type", "{" + OK + ", \"steps\": \"many\"}", "steps", "must be an integer"),
        job("thresholds wrong type", "{" + OK + ", \"thresholds\": \"all\"}", "thresholds",
            "non-empty array"),
        job("typo stpes", "{" + OK + ", \"stpes\": 10}", "stpes", "unknown field"),
        job("unknown model", "{\"model\": \"resnet_9000\", \"objective\": \"mixed4:97\"}",
            "model", "unknown model"),
        job("SQL in model", "{\"model\": \"x'; DROP TABLE jobs;--\", \"objective\": \"mixed4:97\"}",
            "model", "unknown model"),
        job("NUL in model", "{\"model\": \"inception\\u0000_v3\", \"objective\": \"mixed4:97\"}",
            "model", "unknown model"),
        job("unknown layer", "{\"model\": \"inception_v3\", \"objective\": \"mixed99:1\"}",
            "objective.layer", "mixed99"),
        job("channel out of range", "{\"model\": \"inception_v3\", \"objective\": \"mixed4:5000\"}",
            "objective.channel", "5000"),
        job("class out of range", "{\"model\": \"mobilenet_v2\", \"objective\": \"logit:5000\"}",
            "objective.class", "5000"),
        job("unknown class label",
            "{\"model\": \"mobilenet_v2\", \"objective\": \"logit:\\\"no such animal\\\"\"}",
            "objective.class", "no such animal"),
        job("objective syntax error", "{\"model\": \"inception_v3\", \"objective\": \"mixed4:(\"}",
            "objective", "mixed4:("),
        job("objective nested 40 deep (grammar)", "{\"model\": \"inception_v3\", \"objective\": \""
            + "(".repeat(40) + "mixed4:1" + ")".repeat(40) + "\"}", "objective", "32 levels"),
        job("objective nested 40 deep (JSON)", "{\"model\": \"inception_v3\", \"objective\": "
            + deepJson + "}", "objective", "32 levels"),
        job("objective over 4096 characters", "{\"model\": \"inception_v3\", \"objective\": \""
            + "mixed4:1 + ".repeat(500) + "mixed4:1\"}", "objective", "at most 4096"),
        job("size zero", "{" + OK + ", \"size\": 0}", "size", "from 16 to 1196"),
        job("size negative", "{" + OK + ", \"size\": -299}", "size", "from 16 to 1196"),
        job("size huge", "{" + OK + ", \"size\": 99999999999999999999}", "size", "from 16 to 1196"),
        job("size fractional", "{" + OK + ", \"size\": 224.5}", "size", "integer"),
        job("steps zero", "{" + OK + ", \"steps\": 0}", "steps", "from 1 to 10000"),
        job("steps huge", "{" + OK + ", \"steps\": 2147483648}", "steps", "from 1 to 10000"),
        job("batch zero", "{" + OK + ", \"batch\": 0}", "batch", "from 1 to 16"),
        job("batch negative", "{" + OK + ", \"batch\": -1}", "batch", "from 1 to 16"),
        job("lr zero", "{" + OK + ", \"lr\": 0}", "lr", "must be a number in (0, 10]"),
        job("lr NaN as text", "{" + OK + ", \"lr\": \"NaN\"}", "lr", "must be a number in (0, 10]"),
        job("lr NaN literal", "{" + OK + ", \"lr\": NaN}", "body", "NaN"),
        job("lr -Infinity literal", "{" + OK + ", \"lr\": -Infinity}", "body", "Infinity"),
        job("lr overflowing to Infinity", "{" + OK + ", \"lr\": 1e400}", "lr", "must be a number in (0, 10]"),
        job("seed fractional", "{" + OK + ", \"seed\": 0.5}", "seed", "must be an integer"),
        job("seed beyond long", "{" + OK + ", \"seed\": 9223372036854775808}", "seed",
            "must be an integer"),
        job("seed negative", "{" + OK + ", \"seed\": -1}", "seed", "from 0 to 2147483647"),
        job("lr huge", "{" + OK + ", \"lr\": 1e6}", "lr", "must be a number in (0, 10]"),
        job("threshold zero", "{" + OK + ", \"steps\": 10, \"thresholds\": [0]}",
            "thresholds[0]", "a step of the job"),
        job("threshold beyond steps", "{" + OK + ", \"steps\": 10, \"thresholds\": [5, 11]}",
            "thresholds[1]", "a step of the job"),
        job("threshold Infinity", "{" + OK + ", \"thresholds\": [1e400]}", "thresholds[0]",
            "a step of the job"),
        new HostileRequest("body over 1 MiB", () -> given().contentType(ContentType.JSON)
            .body("{" + OK + ", \"transforms\": \"" + " ".repeat(2 << 20) + "\"}")
            .post("/v1/jobs"), 413, "body", "at most 1048576 bytes"));
  }

  private static Stream<HostileRequest> examplesJobBodies() {
    String examples = "\"kind\": \"dataset_examples\", " + OK;
    return Stream.of(
        job("unknown kind", "{" + OK + ", \"kind\": \"wobble\"}", "kind", "must be one of"),
        job("kind wrong type", "{" + OK + ", \"kind\": [\"render\"]}", "kind",
            "must be one of"),
        job("steps for dataset examples", "{" + examples + ", \"steps\": 10}", "steps",
            "not used by dataset_examples jobs"),
        job("dataset for a render", "{" + OK + ", \"dataset\": \"photos\"}", "dataset",
            "only for dataset_examples jobs"),
        job("SQL in dataset", "{" + examples + ", \"dataset\": \"x'; DROP TABLE datasets;--\"}",
            "dataset", "unknown dataset"),
        job("NUL in dataset", "{" + examples + ", \"dataset\": \"pho\\u0000tos\"}", "dataset",
            "unknown dataset"),
        job("top_k huge", "{" + examples + ", \"top_k\": 100000}", "top_k", "from 1 to 64"),
        job("top_k zero", "{" + examples + ", \"top_k\": 0}", "top_k", "from 1 to 64"),
        job("examples of a sum", "{\"kind\": \"dataset_examples\", \"model\": \"inception_v3\","
            + " \"objective\": \"mixed4:1 + mixed4:2\"}", "objective", "exactly one channel"));
  }

  private static Stream<HostileRequest> explainJobBodies() {
    return Stream.of(
        job("explain without image", "{" + EXPLAIN + "}", "image", "is required"),
        job("explain image as text", "{" + EXPLAIN + ", \"image\": \"owl.jpg\"}", "image",
            "must be an object"),
        job("explain image of an unknown dataset", "{" + EXPLAIN + ", \"image\":"
            + " {\"dataset\": \"x'; DROP TABLE datasets;--\", \"name\": \"owl.jpg\"}}",
            "image.dataset", "unknown dataset"),
        job("explain image ../ name", "{" + EXPLAIN + ", \"image\": {\"dataset\": \"photos\","
            + " \"name\": \"../../models/x\"}}", "image.name", "has no image"),
        job("explain image NUL name", "{" + EXPLAIN + ", \"image\": {\"dataset\": \"photos\","
            + " \"name\": \"owl\\u0000.jpg\"}}", "image.name", "has no image"),
        job("explain layer without positions", "{" + EXPLAIN.replace("expanded_conv_12/add",
            "Logits/AvgPool") + ", " + OWL + "}", "layer", "no channels on a grid"),
        job("explain class out of range", "{" + EXPLAIN + ", " + OWL + ", \"class\": 5000}",
            "class", "out of range"),
        job("explain unknown label", "{" + EXPLAIN + ", " + OWL + ", \"class\": \"unicorn\"}",
            "class", "unknown class label"),
        job("explain too many groups", "{" + EXPLAIN + ", " + OWL + ", \"groups\": 99}",
            "groups", "from 0 to 16"),
        job("explain bad method", "{" + EXPLAIN + ", " + OWL + ", \"method\": \"magic\"}",
            "method", "must be one of grad, ig"),
        job("interpolate a ';' list", "{" + OK.replace("\"objective\": \"mixed4:97\"",
            "\"interpolate\": {\"from\": \"mixed4:1; mixed4:2\", \"to\": \"mixed4:3\"}") + "}",
            "interpolate.from", "one objective"));
  }

  /** Explain jobs sent as multipart/form-data with their image: nothing may be stored. */
  private static Stream<HostileRequest> explainUploads() {
    String job = "{" + EXPLAIN + "}";
    return Stream.of(
        explainUpload("no image part", form -> form.multiPart("job", job), 400, "image",
            "is required"),
        explainUpload("text file as image", form -> form.multiPart("job", job)
            .multiPart("image", "notes.png", "not an image".getBytes()), 400, "image",
            "is not a JPEG, PNG, BMP or GIF image"),
        explainUpload("GIF image", form -> form.multiPart("job", job)
            .multiPart("image", "anim.gif", gif()), 400, "image", "take PNG, JPEG or BMP"),
        explainUpload("truncated JPEG", form -> form.multiPart("job", job)
            .multiPart("image", "owl.jpg", Arrays.copyOf(photo("owl.jpg"), 60_000)), 400,
            "image", "damaged jpeg"),
        explainUpload("PNG claiming 50000x50000 pixels", form -> form.multiPart("job", job)
            .multiPart("image", "bomb.png", pngClaiming(50_000, 50_000)), 400, "image",
            "at most 40 megapixels"),
        explainUpload("image over the size limit", form -> form.multiPart("job", job)
            .multiPart("image", "kite.jpg", photo("kite_and_cold.jpg")), 413, "image",
            "at most 1048576"),
        explainUpload("job part missing", form -> form.multiPart("image", "t.png", png(3)), 400,
            "job", "is required"),
        explainUpload("job part not JSON", form -> form.multiPart("job", "{kind: explain")
            .multiPart("image", "t.png", png(3)), 400, "job", "not valid JSON"),
        explainUpload("image in the job part too", form -> form.multiPart("job",
            "{" + EXPLAIN + ", " + OWL + "}").multiPart("image", "t.png", png(3)), 400, "image",
            "leave it out"),
        explainUpload("a render with an image", form -> form.multiPart("job", "{" + OK + "}")
            .multiPart("image", "t.png", png(3)), 400, "kind", "only explain jobs"),
        explainUpload("explain layer unknown with image", form -> form.multiPart("job",
            job.replace("expanded_conv_12/add", "nope")).multiPart("image", "t.png", png(3)),
            400, "layer", "has no layer 'nope'"));
  }

  /** A GIF: an image the validator reads, of a format explain jobs do not take. */
  private static byte[] gif() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "gif", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HostileRequest explainUpload(String name,
      UnaryOperator<RequestSpecification> fill, int status, String field, String reason) {
    return new HostileRequest("explain upload: " + name,
        () -> fill.apply(given().contentType("multipart/form-data")).post("/v1/jobs"), status,
        field, reason);
  }

  private static Stream<HostileRequest> jobPaths() {
    String unknown = "3f0c8a52-0000-4000-8000-000000000000";
    return Stream.of(
        get("SQL in job id", "/v1/jobs/{id}", "abc';DROP TABLE jobs;--", 400, "id", "UUIDs"),
        get("shell in job id", "/v1/jobs/{id}", "$(rm -rf /)", 400, "id", "UUIDs"),
        get("../ in job id", "/v1/jobs/{id}", "../../etc/passwd", 400, "id", "UUIDs"),
        raw("%2e%2e%2f in job id", "/v1/jobs/%2e%2e%2fmodels", 400, "id", "UUIDs"),
        raw("NUL in job id", "/v1/jobs/" + unknown.substring(0, 35) + "%00", 400, "id", "UUIDs"),
        raw("newline in job id events", "/v1/jobs/x%0d%0aSet-Cookie:a=b/events", 400, "id",
            "UUIDs"),
        new HostileRequest("cancel ../ job id",
            () -> given().delete("/v1/jobs/{id}", "../models"), 400, "id", "UUIDs"),
        get("unknown job id", "/v1/jobs/{id}", unknown, 404, "id", "no job"),
        get("../ in model id", "/v1/models/{id}", "../../etc/passwd", 404, "model", "no model"));
  }

  private static Stream<HostileRequest> listQueries() {
    return Stream.of(
        query("shell in model filter", "model", "$(rm -rf /)", "model", "must be a model id"),
        query("SQL in model filter", "model", "x' OR '1'='1", "model", "must be a model id"),
        query("garbage cursor", "cursor", "garbage", "cursor", "not a cursor"),
        query("base64 cursor of no page", "cursor", "Jzs7RFJPUCBUQUJMRSBqb2JzOy0t", "cursor",
            "not a cursor"),
        query("limit negative", "limit", "-1", "limit", "from 1 to 100"),
        query("limit huge", "limit", "100000", "limit", "from 1 to 100"),
        query("limit not a number", "limit", "1;DROP TABLE jobs", "limit", "from 1 to 100"),
        query("channel negative", "channel", "-5", "channel", "integer"),
        query("status unknown", "status", "QUEUED' OR 1=1--", "status", "must be one of"),
        query("objective syntax in filter", "objective", "mixed4:97' --", "objective",
            "expected '+'"),
        query("kind unknown", "kind", "render' OR 1=1--", "kind", "must be one of"));
  }

  private static Stream<HostileRequest> uploads() {
    return Stream.of(
        new HostileRequest("upload: random bytes as tflite", () -> upload("tflite")
            .multiPart("file", "x.tflite", randomBytes(100_000)).post("/v1/models"),
            400, "file", "not a TFLite file"),
        new HostileRequest("upload: zip slip", () -> upload("tfjs").multiPart("file", "m.zip",
            zip("model.json", "{}", "../../evil.bin", "x")).post("/v1/models"),
            400, "file", "points outside"),
        new HostileRequest("upload: zip bomb", () -> upload("savedmodel")
            .multiPart("file", "m.zip", zipBomb())
            .multiPart("metadata", TinyGraphDef.METADATA).post("/v1/models"),
            400, "file", "unpacks to more than"),
        new HostileRequest("upload: ../ in model id", () -> upload("tflite")
            .multiPart("id", "../../etc").multiPart("file", "m.tflite", randomBytes(1000))
            .post("/v1/models"), 400, "id", "must match"));
  }

  private static Stream<HostileRequest> datasetUploads() {
    byte[] tiny = png(1);
    return Stream.of(
        dataset("text file as image", form -> form.multiPart("images", "notes.png",
            "not an image".getBytes()), 400, "images[0]", "is not a JPEG, PNG, BMP or GIF image"),
        dataset("truncated JPEG", form -> form.multiPart("images", "owl.jpg",
            Arrays.copyOf(photo("owl.jpg"), 60_000)), 400, "images[0]", "damaged jpeg"),
        dataset("PNG claiming 50000x50000 pixels", form -> form.multiPart("images", "bomb.png",
            pngClaiming(50_000, 50_000)), 400, "images[0]", "at most 40 megapixels"),
        dataset("image over the size limit", form -> form.multiPart("images", "kite.jpg",
            photo("kite_and_cold.jpg")), 413, "images[0]", "at most 1048576"),
        dataset("duplicate names", form -> form.multiPart("images", "x.png", tiny)
            .multiPart("images", "dir/x.png", png(2)), 400, "images[1]",
            "same name 'x.png' as images[0]"),
        dataset("duplicate names in zip folders", form -> form.multiPart("archive", "d.zip",
            zip(Map.of("a/x.png", tiny, "b/x.png", png(2)))), 400, "archive", "same name"),
        dataset("file name '..'", form -> form.multiPart("images", "..", tiny), 400,
            "images[0]", "no usable file name"),
        dataset("zip slip", form -> form.multiPart("archive", "d.zip",
            zip(Map.of("ok.png", tiny, "../evil.png", png(2)))), 400, "archive",
            "points outside"),
        dataset("symbolic link in zip", form -> form.multiPart("archive", "d.zip",
            zipWithSymlink()), 400, "archive", "symbolic link"),
        dataset("zip bomb", form -> form.multiPart("archive", "d.zip", zipBomb()), 400,
            "archive", "unpacks to more than"),
        dataset("archive not a zip", form -> form.multiPart("archive", "d.zip",
            randomBytes(5000)), 400, "archive", "not a readable zip"),
        dataset("no images", form -> form.multiPart("id", "nothing-here"), 400, "images",
            "no images"),
        dataset("too many images", form -> {
          for (int i = 0; i < 6; i++) {
            form.multiPart("images", i + ".png", png(i));
          }
          return form;
        }, 400, "images", "at most 5"),
        dataset("../ in id", form -> form.multiPart("id", "../x").multiPart("images", "x.png",
            tiny), 400, "id", "lower-case letters"),
        dataset("upper-case id", form -> form.multiPart("id", "UPPER")
            .multiPart("images", "x.png", tiny), 400, "id", "lower-case letters"),
        dataset("100-character id", form -> form.multiPart("id", "a".repeat(100))
            .multiPart("images", "x.png", tiny), 400, "id", "1 to 63"),
        dataset("name over 200 characters", form -> form.multiPart("name", "n".repeat(201))
            .multiPart("images", "x.png", tiny), 400, "name", "1 to 200 characters"),
        dataset("id taken", form -> form.multiPart("id", TAKEN_DATASET)
            .multiPart("images", "x.png", tiny), 409, "id", "exists"),
        dataset("built-in id", form -> form.multiPart("id", "photos")
            .multiPart("images", "x.png", tiny), 409, "id", "built-in dataset"));
  }

  private static Stream<HostileRequest> datasetPaths() {
    return Stream.of(
        get("../ in dataset id", "/v1/datasets/{id}", "../../etc/passwd", 404, "dataset",
            "no dataset"),
        raw("NUL in dataset id", "/v1/datasets/photos%00", 404, "dataset", "no dataset"),
        new HostileRequest("delete shell in dataset id",
            () -> given().delete("/v1/datasets/{id}", "$(rm -rf /)"), 404, "dataset",
            "no dataset"),
        new HostileRequest("delete built-in dataset",
            () -> given().delete("/v1/datasets/photos"), 403, "dataset", "built in"));
  }

  private static Stream<HostileRequest> sweepBodies() {
    String model = "\"model\": \"inception_v3\"";
    String layer = model + ", \"layers\": [\"mixed4\"]";
    return Stream.of(
        sweep("unknown model", "{\"model\": \"resnet_9000\", \"layers\": \"all\"}", "model",
            "unknown model"),
        sweep("layers missing", "{" + model + "}", "layers", "is required"),
        sweep("layers a number", "{" + model + ", \"layers\": 42}", "layers", "is required"),
        sweep("unknown layer", "{" + model + ", \"layers\": [\"mixed4\", \"mixed99\"]}",
            "layers[1]", "has no layer 'mixed99'"),
        sweep("layer twice", "{" + model + ", \"layers\": [\"mixed4\", \"mixed4\"]}",
            "layers[1]", "named twice"),
        sweep("range of letters", "{" + layer + ", \"channels\": \"0-x\"}", "channels",
            "no channel or range"),
        sweep("SQL in channels", "{" + layer + ", \"channels\": \"0;DROP TABLE sweeps\"}",
            "channels", "no channel or range"),
        sweep("range backwards", "{" + layer + ", \"channels\": \"63-0\"}", "channels",
            "runs backwards"),
        sweep("channel beyond the layer", "{" + layer + ", \"channels\": \"0-5000\"}",
            "channels", "is beyond layer mixed4"),
        sweep("every layer over the channel limit", "{" + model + ", \"layers\": \"all\"}",
            "channels", "fv.api.sweeps.max-channels"),
        sweep("unknown dataset", "{" + layer + ", \"examples\": {\"dataset\": \"nope\"}}",
            "examples.dataset", "unknown dataset"),
        sweep("top_k too large", "{" + layer + ", \"examples\": {\"top_k\": 1000}}",
            "examples.top_k", "from 1 to"),
        sweep("steps out of range", "{" + layer + ", \"steps\": 0}", "steps", "from 1"),
        sweep("typo chanels", "{" + layer + ", \"chanels\": \"0-3\"}", "chanels",
            "unknown field"));
  }

  private static Stream<HostileRequest> sweepPaths() {
    String unknown = "3f0c8a52-0000-4000-8000-000000000000";
    return Stream.of(
        get("SQL in sweep id", "/v1/sweeps/{id}", "abc';DROP TABLE sweeps;--", 400, "id",
            "sweep ids are UUIDs"),
        get("unknown sweep id", "/v1/sweeps/{id}", unknown, 404, "id", "no sweep"),
        new HostileRequest("cancel unknown sweep",
            () -> given().delete("/v1/sweeps/{id}", unknown), 404, "id", "no sweep"),
        new HostileRequest("garbage sweeps cursor",
            () -> given().queryParam("cursor", "garbage").get("/v1/sweeps"), 400, "cursor",
            "not a cursor"));
  }

  private static HostileRequest sweep(String name, String body, String field, String reason) {
    return new HostileRequest("sweep: " + name,
        () -> given().contentType(ContentType.JSON).body(body).post("/v1/sweeps"),
        400, field, reason);
  }

  /** A dataset upload of {@code tenant-a}, its form filled by {@code fill}. */
  private static HostileRequest dataset(String name, UnaryOperator<RequestSpecification> fill,
      int status, String field, String reason) {
    return new HostileRequest("dataset upload: " + name,
        () -> fill.apply(datasetUpload()).post("/v1/datasets"), status, field, reason);
  }

  private static HostileRequest job(String name, String body, String field, String reason) {
    return new HostileRequest(name,
        () -> given().contentType(ContentType.JSON).body(body).post("/v1/jobs"),
        400, field, reason);
  }

  /** A GET whose path parameter RestAssured encodes, as a client would send it. */
  private static HostileRequest get(String name, String path, String id, int status,
      String field, String reason) {
    return new HostileRequest(name, () -> given().get(path, id), status, field, reason);
  }

  /** A GET sent as written, percent escapes and all. */
  private static HostileRequest raw(String name, String path, int status, String field,
      String reason) {
    return new HostileRequest(name, () -> given().urlEncodingEnabled(false).get(path),
        status, field, reason);
  }

  private static HostileRequest query(String name, String parameter, String value, String field,
      String reason) {
    return new HostileRequest(name, () -> given().queryParam(parameter, value).get("/v1/jobs"),
        400, field, reason);
  }

  @BeforeEach
  void connect() {
    bus = new TestBus(bootstrapServers);
  }

  /** The dataset whose id an upload finds taken. */
  @BeforeEach
  void datasetOfTheTakenId() {
    if (given().get("/v1/datasets/" + TAKEN_DATASET).statusCode() == 404) {
      datasetUpload().multiPart("id", TAKEN_DATASET).multiPart("images", "t.png", png(9))
          .post("/v1/datasets").then().statusCode(201);
    }
  }

  @AfterEach
  void disconnect() {
    bus.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRequests")
  void hostileRequestIsAProblemNamingFieldAndReasonAndChangesNothing(HostileRequest request) {
    StackState before = StackState.of(bus, dataSource, bucket);
    Response response = request.send().get();
    String answer = answer(response, request);
    ANSWERS.add("HOSTILE " + response.statusCode() + " " + request.name() + " -> " + answer);
    System.out.println(ANSWERS.get(ANSWERS.size() - 1));

    assertEquals(request.status(), response.statusCode(), answer);
    assertTrue(response.contentType().startsWith("application/problem+json"),
        response.contentType());
    assertEquals(request.status(), response.<Integer>path("status"));
    assertTrue(namesFieldAndReason(response, request), answer);
    assertEquals(before, StackState.of(bus, dataSource, bucket), "the stack changed");
  }

  /** An error of the field (or of a part of it) with the reason, or a detail naming both. */
  private static boolean namesFieldAndReason(Response response, HostileRequest request) {
    List<Map<String, String>> errors = response.path("errors");
    if (errors == null) {
      String detail = response.path("detail");
      return detail.contains(request.field()) && detail.contains(request.reason());
    }
    return errors.stream().anyMatch(e -> (e.get("field").equals(request.field())
        || e.get("field").startsWith(request.field() + "."))
        && e.get("message").contains(request.reason()));
  }

  /** "title / field: message" of the expected field's error (else the first), or the detail. */
  private static String answer(Response response, HostileRequest request) {
    List<Map<String, String>> errors = response.path("errors");
    String named = errors == null ? response.<String>path("detail")
        : errors.stream().filter(e -> e.get("field").startsWith(request.field())).findFirst()
            .or(() -> errors.stream().findFirst())
            .map(e -> e.get("field") + ": " + e.get("message")).orElseThrow();
    String text = (response.<String>path("title") + " / " + named).replaceAll("\\s+", " ")
        .replaceAll("\\p{Cntrl}", "?");
    return text.length() > 160 ? text.substring(0, 160) + "..." : text;
  }

  @AfterAll
  static void writeReport() throws IOException {
    Files.createDirectories(REPORT.getParent());
    Files.write(REPORT, ANSWERS);
  }
}
