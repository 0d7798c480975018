package io.featureviz.client.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import io.featureviz.client.models.ModelImportWaiter;
import io.featureviz.client.models.ModelUpload;
import io.featureviz.client.models.ModelsClient;
import io.featureviz.contracts.messages.ModelFormats;
import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.contracts.messages.ModelStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "upload-model", description = "Uploads a model to the API (POST /v1/models) and"
    + " waits until a worker has imported it: READY prints its id, format, input size and layer"
    + " count (exit 0); FAILED prints the reason on stderr (exit 1).")
public final class UploadModelCommand implements Callable<Integer> {

  /** How long an import may stay IMPORTING before the command gives up waiting. */
  static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);

  @Parameters(index = "0", paramLabel = "FILE",
      description = "The model: a .tflite, a .pb, an .onnx, or a .zip (tfjs, savedmodel, onnx).")
  Path file;

  @Option(names = "--format", required = true,
      description = "tflite, graphdef, savedmodel, tfjs or onnx.")
  String format;

  @Option(names = "--id", description = "Model id (default: model- and the file's SHA-256 start).")
  String id;

  @Option(names = "--metadata", paramLabel = "FILE",
      description = "featureviz-model.json: required for graphdef and savedmodel, optional for onnx.")
  Path metadata;

  @Option(names = "--labels", paramLabel = "FILE", description = "Class labels, one per line.")
  Path labels;

  @Mixin
  ApiOptions api;

  @Option(names = "--no-wait", description = "Print the 202 answer (status IMPORTING) and exit.")
  boolean noWait;

  @Option(names = "--json", description = "One line of JSON: the model's view (default: a summary).")
  boolean oneLine;

  @Spec
  CommandSpec command;

  @Override
  public Integer call() {
    ModelUpload upload = upload();
    // the key comes from stack.json or FV_API_KEY, never the command line (visible in ps)
    ModelsClient client = new ModelsClient(api.url(), api.key());
    JsonNode accepted = client.upload(upload);
    PrintWriter out = command.commandLine().getOut();
    if (noWait) {
      out.println(Json.write(accepted, oneLine));
      out.flush();
      return 0;
    }
    String modelId = accepted.path("id").asText();
    JsonNode model;
    try (ImportProgress progress = new ImportProgress(command.commandLine().getErr(), modelId)) {
      model = new ModelImportWaiter(client, IMPORT_TIMEOUT).await(modelId, progress::show);
    }
    return report(model);
  }

  private int report(JsonNode model) {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    ModelStatus status = ModelImportWaiter.status(model);
    switch (status) {
      case READY -> out.println(oneLine ? Json.write(model, true) : summary(model));
      case FAILED -> err.println("fv upload-model: the import of " + model.path("id").asText()
          + " FAILED: " + model.path("reason").asText("no reason given"));
      case IMPORTING -> err.println("fv upload-model: " + model.path("id").asText()
          + " is still IMPORTING after " + IMPORT_TIMEOUT.toMinutes() + " min; is a worker"
          + " running (./fv status)? GET /v1/models/" + model.path("id").asText() + " tells");
    }
    out.flush();
    err.flush();
    return status == ModelStatus.READY ? 0 : 1;
  }

  /** {@code id: format, input N px, L layers}: what a person needs to name it in a job. */
  private static String summary(JsonNode model) {
    JsonNode layers = model.path("layers");
    int layerCount = layers.isArray() ? layers.size() : layers.asInt();
    return model.path("id").asText() + ": " + model.path("format").asText() + ", input "
        + model.path("input_size").asInt() + " px, " + layerCount + " layers";
  }

  /** The form, every option checked first: a usage error sends nothing and exits 2. */
  private ModelUpload upload() {
    if (!ModelFormats.KEYS.contains(format)) {
      throw usage("--format must be one of " + String.join(", ", ModelFormats.KEYS)
          + ", not '" + format + "'");
    }
    if (id != null && !ModelKeys.isUploadedId(id)) {
      throw usage("--id must match " + ModelKeys.ID + " (lower-case letters, digits, '-' and"
          + " '_', at most 63), not '" + id + "'");
    }
    readable("FILE", file);
    return new ModelUpload(file, format, id, text("--metadata", metadata), text("--labels", labels));
  }

  private String text(String option, Path path) {
    if (path == null) {
      return null;
    }
    readable(option, path);
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private void readable(String option, Path path) {
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw usage(option + " " + path + " is not a readable file");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(command.commandLine(), message);
  }

  /**
   * One line on stderr while the model imports: rewritten in place on a terminal, else written
   * again only when the status changes (logs get no carriage returns).
   */
  private static final class ImportProgress implements AutoCloseable {

    private final PrintWriter err;
    private final String modelId;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private String lastStatus;

    ImportProgress(PrintWriter err, String modelId) {
      this.err = err;
      this.modelId = modelId;
    }

    void show(JsonNode model) {
      String status = model.path("status").asText();
      if (!terminal && status.equals(lastStatus)) {
        return;
      }
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
      err.print((terminal ? "\r" : "") + "fv upload-model: " + modelId + " " + status + ", "
          + seconds + " s" + (terminal ? "" : System.lineSeparator()));
      err.flush();
      lastStatus = status;
    }

    @Override
    public void close() {
      if (terminal) {
        err.println();
        err.flush();
      }
    }
  }
}
