package io.featureviz.client.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.featureviz.client.FvClient;
import io.featureviz.client.Json;
import io.featureviz.client.stack.StackState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./fv upload-model} against an API played by a local HTTP server: it posts the form with
 * the stack's key, follows the import to READY or FAILED, and refuses bad options before it
 * sends anything.
 */
class UploadModelCommandTest {

  private static final String KEY = "stack-key";
  private static final String IMPORTING = "{\"id\": \"tiny\", \"status\": \"IMPORTING\","
      + " \"format\": \"tflite\", \"url\": \"/v1/models/tiny\"}";
  private static final String READY = "{\"id\": \"tiny\", \"status\": \"READY\","
      + " \"format\": \"tflite\", \"input_size\": 224, \"layers\": [{\"name\": \"a\"},"
      + " {\"name\": \"b\"}, {\"name\": \"c\"}], \"labels\": []}";
  private static final String FAILED = "{\"id\": \"tiny\", \"status\": \"FAILED\","
      + " \"format\": \"tflite\", \"reason\": \"not a loadable model: truncated flatbuffer\"}";

  @TempDir Path dir;
  private HttpServer api;
  /** What the API answers to each GET of the model, in order; the last one repeats. */
  private final Deque<String> views = new ConcurrentLinkedDeque<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String uploadBody = "";
  private volatile String authorization;
  private Path model;
  private Path state;

  @BeforeEach
  void startApi() throws IOException {
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext("/", this::answer);
    api.start();
    model = Files.write(dir.resolve("tiny.tflite"), "TFL3 model bytes".getBytes(StandardCharsets.UTF_8));
    // the key comes from the stack's state, as after ./fv up
    state = Files.createDirectories(dir.resolve("state"));
    Files.writeString(state.resolve("stack.json"), Json.write(new StackState(
        "http://127.0.0.1:" + api.getAddress().getPort(), KEY, null, 0, List.of()), true));
  }

  @AfterEach
  void stopApi() {
    api.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    authorization = exchange.getRequestHeaders().getFirst("Authorization");
    byte[] body = exchange.getRequestBody().readAllBytes();
    String answer;
    int status;
    if (exchange.getRequestMethod().equals("POST")) {
      uploadBody = new String(body, StandardCharsets.UTF_8);
      status = 202;
      answer = IMPORTING;
    } else {
      status = 200;
      answer = views.size() > 1 ? views.poll() : views.peek();
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void uploadWaitsThroughImportingAndPrintsTheReadyModel() {
    views.addAll(List.of(IMPORTING, IMPORTING, READY));
    Run run = run("upload-model", model.toString(), "--format", "tflite", "--id", "tiny",
        "--state", state.toString());

    assertEquals(0, run.status, run.toString());
    assertEquals("tiny: tflite, input 224 px, 3 layers", run.out.strip());
    assertTrue(run.err.contains("tiny IMPORTING"), run.toString());
    assertEquals("POST /v1/models", requests.get(0));
    assertEquals("GET /v1/models/tiny", requests.get(requests.size() - 1));
    assertEquals(4, requests.size(), "one upload, then GET until READY: " + requests);
    assertEquals("Bearer " + KEY, authorization);
    assertTrue(uploadBody.contains("name=\"format\"") && uploadBody.contains("tflite"), uploadBody);
    assertTrue(uploadBody.contains("name=\"id\"") && uploadBody.contains("\r\ntiny\r\n"), uploadBody);
    assertTrue(uploadBody.contains("filename=\"tiny.tflite\"")
        && uploadBody.contains("TFL3 model bytes"), uploadBody);
  }

  @Test
  void jsonPrintsTheModelsViewOnOneLine() throws IOException {
    views.add(READY);
    Run run = run("upload-model", model.toString(), "--format", "tflite", "--json",
        "--state", state.toString());

    assertEquals(0, run.status, run.toString());
    assertEquals(1, run.out.strip().lines().count(), run.out);
    assertEquals(Json.mapper().readTree(READY), Json.mapper().readTree(run.out));
  }

  @Test
  void failedImportPrintsItsReasonAndExitsWithStatusOne() {
    views.addAll(List.of(IMPORTING, FAILED));
    Run run = run("upload-model", model.toString(), "--format", "tflite",
        "--state", state.toString());

    assertEquals(1, run.status, run.toString());
    assertEquals("", run.out);
    assertTrue(run.err.contains("tiny FAILED: not a loadable model: truncated flatbuffer"),
        run.toString());
  }

  @Test
  void noWaitPrintsTheAcceptedUploadWithoutFollowingIt() throws IOException {
    Run run = run("upload-model", model.toString(), "--format", "tflite", "--no-wait", "--json",
        "--state", state.toString());

    assertEquals(0, run.status, run.toString());
    assertEquals(Json.mapper().readTree(IMPORTING), Json.mapper().readTree(run.out));
    assertEquals(List.of("POST /v1/models"), requests);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--format keras            | --format must be one of tflite, graphdef, savedmodel, tfjs, onnx, not 'keras'",
      "--format tflite --id Bad/Id | --id must match",
      "--format graphdef --metadata MISSING | --metadata MISSING is not a readable file",
      "--format tflite --labels MISSING | --labels MISSING is not a readable file"})
  void badOptionExitsWithStatusTwoAndSendsNothing(String options, String message) {
    List<String> args = new ArrayList<>(List.of("upload-model", model.toString(),
        "--state", state.toString()));
    args.addAll(List.of(options.replace("MISSING", dir.resolve("missing").toString()).split(" ")));
    Run run = run(args.toArray(String[]::new));

    assertEquals(2, run.status, run.toString());
    assertTrue(run.err.contains(message.replace("MISSING", dir.resolve("missing").toString())),
        run.toString());
    assertEquals(List.of(), requests, "no request reaches the API");
  }

  @Test
  void missingModelFileExitsWithStatusTwoAndSendsNothing() {
    Run run = run("upload-model", dir.resolve("nothing.onnx").toString(), "--format", "onnx",
        "--state", state.toString());

    assertEquals(2, run.status, run.toString());
    assertTrue(run.err.contains("nothing.onnx is not a readable file"), run.toString());
    assertEquals(List.of(), requests);
  }

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = FvClient.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(args);
    return new Run(status, out.toString(), err.toString());
  }
}
