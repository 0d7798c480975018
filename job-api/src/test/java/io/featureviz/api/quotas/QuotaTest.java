package io.featureviz.api.quotas;

import static io.featureviz.api.testing.TestApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.ApiConfig;
import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.testing.TestApi;
import io.featureviz.api.testing.TestDatabase;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.objectstore.MinioClients;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Per-tenant limits, reached through the small quotas the test profile gives tenant-q (2 active
 * jobs) and tenant-r (1 request per second, burst 5); and that the store refuses expired links.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class QuotaTest {

  @Inject
  AgroalDataSource dataSource;

  @Inject
  BucketObjects objects;

  @Inject
  ApiConfig config;

  @Test
  void requestsOverTheRateAreRefusedWithRetryAfter() {
    int refused = 0;
    for (int i = 0; i < 10; i++) {
      Response response = as("tenant-r").get("/v1/jobs");
      if (response.statusCode() == 429) {
        refused++;
        response.then().contentType("application/problem+json")
            .header("Retry-After", equalTo("1"));
      } else {
        assertEquals(200, response.statusCode());
      }
    }
    // a burst of 5 at 1/s: 10 requests within a few seconds cannot all pass
    assertTrue(refused >= 3, refused + " refused");
    // other tenants are not slowed down
    as(TestApi.TENANT_A).get("/v1/jobs").then().statusCode(200);
  }

  @Test
  void jobsOverTheActiveLimitAreRefusedUntilOneFinishes() throws Exception {
    String queued = UUID.randomUUID().toString();
    // plays the sink: two jobs in progress, a finished one that does not count
    insertJob(queued, "QUEUED");
    insertJob(UUID.randomUUID().toString(), "RUNNING");
    insertJob(UUID.randomUUID().toString(), "SUCCEEDED");

    submit().then().statusCode(429).contentType("application/problem+json")
        .header("Retry-After", equalTo("30"));
    TestDatabase.update(dataSource, "UPDATE jobs SET status = 'CANCELLED' WHERE id = ?", queued);
    submit().then().statusCode(202);
    submit().then().statusCode(429);
  }

  @Test
  void anExpiredLinkIsRefusedByTheStore() throws Exception {
    String key = "expiry-test/" + UUID.randomUUID() + "/";
    Path folder = Files.createTempDirectory("fv-expiry-");
    Files.writeString(folder.resolve("frame.png"), "not really a PNG");
    objects.putFolder(folder, key);
    // signed as Presigner signs, with a 2 s expiry instead of fv.storage.presign-expiry
    ApiConfig.Storage storage = config.storage();
    try (MinioClient client = MinioClients.create(storage.endpoint(), storage.accessKey(),
        storage.secretKey(), storage.region())) {
      String url = client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
          .method(Http.Method.GET).bucket(storage.bucket()).object(key + "frame.png").expiry(2)
          .build());
      assertEquals(200, download(url));
      Thread.sleep(3_500);
      assertEquals(403, download(url));
    }
  }

  private static Response submit() {
    return as("tenant-q").contentType(ContentType.JSON)
        .body("{\"model\": \"inception_v3\", \"objective\": \"mixed3:1\", \"steps\": 8,"
            + " \"size\": 64}")
        .post("/v1/jobs");
  }

  private void insertJob(String id, String status) throws Exception {
    TestDatabase.update(dataSource, "INSERT INTO jobs (id, tenant, status) VALUES (?, 'tenant-q', ?)",
        id, status);
  }

  private static int download(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
