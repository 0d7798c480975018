package io.featureviz.client.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.api.ApiHttp;
import io.featureviz.client.api.MultipartBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The models of the job API: the catalog, one model's view, and uploads. */
public final class ModelsClient {

  private final ApiHttp http;

  /** A client of the API at {@code apiUrl} that authenticates with {@code apiKey}. */
  public ModelsClient(String apiUrl, String apiKey) {
    this.http = new ApiHttp(apiUrl, apiKey);
  }

  /** {@code GET /v1/models}: every model the key's tenant may name, with its status. */
  public JsonNode list() {
    return http.json(http.request("/v1/models").GET());
  }

  /** {@code GET /v1/models/{id}}: the model's status, and its layers and labels once READY. */
  public JsonNode get(String id) {
    return http.json(http.request("/v1/models/" + id).GET());
  }

  /** Uploads a model; the answer is the 202 body ({@code id}, {@code status} IMPORTING, ...). */
  public JsonNode upload(ModelUpload upload) {
    MultipartBody form = new MultipartBody().text("format", upload.format());
    try {
      form.file("file", upload.file().getFileName().toString(), Files.readAllBytes(upload.file()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + upload.file() + ": " + e.getMessage(), e);
    }
    if (upload.id() != null) {
      form.text("id", upload.id());
    }
    if (upload.metadata() != null) {
      form.text("metadata", upload.metadata());
    }
    if (upload.labels() != null) {
      form.text("labels", upload.labels());
    }
    return http.json(http.request("/v1/models").header("Content-Type", form.contentType())
        .POST(form.publisher()));
  }
}
