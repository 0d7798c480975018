package io.featureviz.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.MinioClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which clients read the certificates of the environment: built in a child JVM whose
 * {@code SSL_CERT_FILE} is no certificate, so a client that reads it fails to build.
 */
class MinioClientsTest {

  @TempDir
  static Path folder;

  @Test
  void aPlainHttpEndpointsClientReadsNoCertificateOfTheEnvironment() throws Exception {
    Result result = build("ours", "http://127.0.0.1:9000");
    assertEquals(0, result.exit(), result.output());
  }

  @Test
  void anHttpsEndpointsClientStillTrustsTheEnvironmentsCertificates() throws Exception {
    assertFailsOnTheEnvironmentsCertificate(build("ours", "https://s3.example.com"));
  }

  /** What the test guards against: MinIO's own default reads them for any endpoint. */
  @Test
  void minioDefaultClientReadsTheEnvironmentsCertificatesEvenOverPlainHttp() throws Exception {
    assertFailsOnTheEnvironmentsCertificate(build("minio", "http://127.0.0.1:9000"));
  }

  private static void assertFailsOnTheEnvironmentsCertificate(Result result) {
    assertEquals(1, result.exit(), result.output());
    assertTrue(result.output().contains("CertificateException: No certificate data found"),
        result.output());
  }

  private record Result(int exit, String output) {}

  private static Result build(String which, String endpoint)
      throws IOException, InterruptedException {
    Path notACertificate = Files.writeString(folder.resolve("not-a-certificate.crt"), "garbage\n");
    ProcessBuilder child = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ClientBuilder.class.getName(), which, endpoint))
        .redirectErrorStream(true);
    child.environment().put("SSL_CERT_FILE", notACertificate.toString());
    child.environment().remove("SSL_CERT_DIR");
    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }

  /** The child: builds one client; exit 0 when it could, 1 with the reason when not. */
  public static final class ClientBuilder {

    public static void main(String[] args) {
      String endpoint = args[1];
      try (MinioClient client = args[0].equals("ours")
          ? MinioClients.create(endpoint, "key", "secret", "us-east-1")
          : MinioClient.builder().endpoint(endpoint).credentials("key", "secret")
              .region("us-east-1").build()) {
        System.out.println("built a client of " + endpoint);
      } catch (Exception e) {
        e.printStackTrace(System.out);
        System.exit(1);
      }
    }
  }
}
