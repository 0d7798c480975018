package io.featureviz.objectstore;

import io.minio.Http;
import io.minio.MinioClient;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * The one way the services (and their tests) build a client of the object store.
 *
 * <p>MinIO's default HTTP client also trusts the certificates named by the {@code SSL_CERT_FILE}
 * and {@code SSL_CERT_DIR} environment variables, and parses them all whenever a client is
 * built: 2 to 3 s of a starting JVM's CPU where they point at a system's CA bundle and folder
 * (Debian's: 144 certificates, and 287 files), at every start of every service. Over plain
 * http no certificate is ever checked, so an http endpoint gets MinIO's client settings without
 * them, and without TLS at all (which also spares it the JDK's TLS set-up); an https endpoint
 * keeps MinIO's default, environment included.
 */
public final class MinioClients {

  private MinioClients() {}

  public static MinioClient create(String endpoint, String accessKey, String secretKey,
      String region) {
    MinioClient.Builder builder = MinioClient.builder()
        .endpoint(endpoint)
        .credentials(accessKey, secretKey)
        .region(region);
    if (endpoint.toLowerCase(Locale.ROOT).startsWith("http://")) {
      builder.httpClient(plainHttpClient(), true);
    }
    return builder.build();
  }

  /** {@code Http.newDefaultClient()} without TLS, and so without its certificates. */
  private static OkHttpClient plainHttpClient() {
    return new OkHttpClient.Builder()
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
        .connectTimeout(Http.DEFAULT_TIMEOUT, TimeUnit.MILLISECONDS)
        .writeTimeout(Http.DEFAULT_TIMEOUT, TimeUnit.MILLISECONDS)
        .readTimeout(Http.DEFAULT_TIMEOUT, TimeUnit.MILLISECONDS)
        .protocols(List.of(Protocol.HTTP_1_1))
        .addInterceptor(new Http.StatusRetryInterceptor())
        .build();
  }
}
