package io.featureviz.client.api;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body (RFC 7578): text fields and files, built in memory. */
public final class MultipartBody {

  private final String boundary = "fv-" + UUID.randomUUID();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  public MultipartBody text(String name, String value) {
    header("Content-Disposition: form-data; name=\"" + name + "\"",
        "Content-Type: text/plain; charset=UTF-8");
    bytes.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(CRLF);
    return this;
  }

  public MultipartBody file(String name, String fileName, byte[] content) {
    header("Content-Disposition: form-data; name=\"" + name + "\"; filename=\""
            + fileName.replace("\"", "") + "\"",
        "Content-Type: application/octet-stream");
    bytes.writeBytes(content);
    bytes.writeBytes(CRLF);
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public HttpRequest.BodyPublisher publisher() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(bytes.toByteArray());
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
  }

  private static final byte[] CRLF = {'\r', '\n'};

  private void header(String... lines) {
    StringBuilder text = new StringBuilder("--").append(boundary).append("\r\n");
    for (String line : lines) {
      text.append(line).append("\r\n");
    }
    bytes.writeBytes(text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
  }
}
