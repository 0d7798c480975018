package io.featureviz.api.datasets;

import static io.featureviz.api.testing.TestApi.TENANT_B;
import static io.featureviz.api.testing.TestApi.as;
import static io.featureviz.api.testing.TestApi.given;
import static io.featureviz.api.testing.TestImages.PHOTOS;
import static io.featureviz.api.testing.TestImages.PHOTO_COUNT;
import static io.featureviz.api.testing.TestImages.datasetUpload;
import static io.featureviz.api.testing.TestImages.download;
import static io.featureviz.api.testing.TestImages.photo;
import static io.featureviz.api.testing.TestImages.png;
import static io.featureviz.api.testing.TestImages.sha256;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.testing.TestUploads;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class DatasetUploadTest {

  private static final List<String> THREE = List.of("hot_dog.jpg", "owl.jpg", "pets.jpg");

  @Inject
  BucketObjects objects;

  @Inject
  AgroalDataSource dataSource;

  @Test
  void imagesAreStoredListedAndDownloadAsSent() {
    var upload = datasetUpload().multiPart("id", "three-photos")
        .multiPart("name", "Three photos");
    THREE.forEach(name -> upload.multiPart("images", name, photo(name), "image/jpeg"));
    upload.post("/v1/datasets").then().statusCode(201)
        .header("Location", endsWith("/v1/datasets/three-photos"))
        .body("id", equalTo("three-photos"))
        .body("name", equalTo("Three photos"))
        .body("builtin", equalTo(false))
        .body("image_count", equalTo(3))
        .body("bytes", equalTo((int) THREE.stream().mapToLong(n -> photo(n).length).sum()))
        .body("images.name", equalTo(THREE))
        .body("images.find { it.name == 'owl.jpg' }.width", equalTo(512))
        .body("images.find { it.name == 'owl.jpg' }.height", equalTo(384));

    assertEquals(THREE.stream().map(n -> "datasets/tenant-a/three-photos/" + n).toList(),
        keys("datasets/tenant-a/three-photos/"));
    JsonPath dataset = given().get("/v1/datasets/three-photos").then().statusCode(200)
        .body("created_at", matchesPattern("\\d{4}-.*Z")).extract().jsonPath();
    for (String name : THREE) {
      HttpResponse<byte[]> image = download(
          dataset.getString("images.find { it.name == '" + name + "' }.url"));
      assertEquals(200, image.statusCode());
      assertEquals(sha256(photo(name)), sha256(image.body()), name);
      assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElseThrow());
    }
    given().get("/v1/datasets").then().statusCode(200)
        .body("[0].id", equalTo("photos"))
        .body("find { it.id == 'three-photos' }.image_count", equalTo(3))
        .body("find { it.id == 'three-photos' }.images", equalTo(null));
    assertEquals(3, count("SELECT count(*) FROM dataset_images"
        + " WHERE object_prefix = 'datasets/tenant-a/three-photos/'"));
  }

  @Test
  void zipIsFlattenedAndWhatSystemsAddIsLeftOut() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("birds/owl.jpg", photo("owl.jpg"));
    entries.put("tiny.png", png(1));
    entries.put("__MACOSX/birds/._owl.jpg", "resource fork".getBytes());
    entries.put(".DS_Store", "finder".getBytes());
    String id = datasetUpload().multiPart("archive", "set.zip", TestUploads.zip(entries))
        .multiPart("images", "also.png", png(2))
        .post("/v1/datasets").then().statusCode(201)
        .body("id", matchesPattern("ds-[0-9a-f]{10}"))
        .body("images.name", equalTo(List.of("also.png", "owl.jpg", "tiny.png")))
        .body("images.find { it.name == 'tiny.png' }.width", equalTo(8))
        .extract().path("id");
    given().get("/v1/datasets/" + id).then().statusCode(200).body("name", equalTo(id));
    assertEquals(List.of("datasets/tenant-a/" + id + "/also.png",
        "datasets/tenant-a/" + id + "/owl.jpg", "datasets/tenant-a/" + id + "/tiny.png"),
        keys("datasets/tenant-a/" + id + "/"));
  }

  @Test
  void anotherTenantNeitherSeesNorReachesIt() {
    datasetUpload().multiPart("id", "a-private").multiPart("images", "t.png", png(3))
        .post("/v1/datasets").then().statusCode(201);

    as(TENANT_B).get("/v1/datasets/a-private").then().statusCode(404)
        .contentType("application/problem+json");
    as(TENANT_B).delete("/v1/datasets/a-private").then().statusCode(404);
    as(TENANT_B).get("/v1/datasets").then().statusCode(200)
        .body("id", hasItem("photos")).body("id", not(hasItem("a-private")));
    as(TENANT_B).contentType(ContentType.JSON)
        .body("{\"kind\": \"dataset_examples\", \"model\": \"inception_v3\","
            + " \"objective\": \"mixed4:97\", \"dataset\": \"a-private\"}")
        .post("/v1/jobs").then().statusCode(400).body("errors.field", hasItem("dataset"));
    // tenant-b may take the same id: ids are per tenant
    as(TENANT_B).contentType("multipart/form-data").multiPart("id", "a-private")
        .multiPart("images", "t.png", png(4)).post("/v1/datasets").then().statusCode(201);
    given().get("/v1/datasets/a-private").then().statusCode(200)
        .body("images[0].bytes", equalTo(png(3).length));
  }

  @Test
  void deletingRemovesObjectsAndRows() {
    datasetUpload().multiPart("id", "short-lived").multiPart("images", "a.png", png(5))
        .multiPart("images", "b.png", png(6)).post("/v1/datasets").then().statusCode(201);
    assertEquals(2, keys("datasets/tenant-a/short-lived/").size());

    given().delete("/v1/datasets/short-lived").then().statusCode(204);
    assertEquals(List.of(), keys("datasets/tenant-a/short-lived/"));
    assertEquals(0, count("SELECT count(*) FROM datasets WHERE id = 'short-lived'"));
    assertEquals(0, count("SELECT count(*) FROM dataset_images"
        + " WHERE object_prefix = 'datasets/tenant-a/short-lived/'"));
    given().get("/v1/datasets/short-lived").then().statusCode(404);
    given().delete("/v1/datasets/short-lived").then().statusCode(404);
    // the id is free again
    datasetUpload().multiPart("id", "short-lived").multiPart("images", "c.png", png(7))
        .post("/v1/datasets").then().statusCode(201).body("images.name", equalTo(List.of("c.png")));
  }

  @Test
  void builtinPhotosAreListedFirstDownloadAndCannotBeDeleted() throws Exception {
    List<String> files;
    try (Stream<java.nio.file.Path> list = Files.list(PHOTOS)) {
      files = list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("LICENSE"))
          .sorted().toList();
    }
    assertEquals(PHOTO_COUNT, files.size());
    given().get("/v1/datasets").then().statusCode(200)
        .body("[0].id", equalTo("photos"))
        .body("[0].builtin", equalTo(true))
        .body("[0].image_count", equalTo(PHOTO_COUNT));
    JsonPath photos = given().get("/v1/datasets/photos").then().statusCode(200)
        .body("images.name", equalTo(files)).extract().jsonPath();
    for (String name : files) {
      HttpResponse<byte[]> image = download(
          photos.getString("images.find { it.name == '" + name + "' }.url"));
      assertEquals(sha256(photo(name)), sha256(image.body()), name);
      assertEquals(name.endsWith(".bmp") ? "image/bmp" : "image/jpeg",
          image.headers().firstValue("Content-Type").orElseThrow(), name);
    }
    assertEquals(files.stream().map(n -> "public-datasets/photos/" + n).toList(),
        keys("public-datasets/photos/"));
    given().delete("/v1/datasets/photos").then().statusCode(403)
        .contentType("application/problem+json").body("title", equalTo("Built-in dataset"));
    as(TENANT_B).get("/v1/datasets/photos").then().statusCode(200)
        .body("image_count", equalTo(PHOTO_COUNT));
  }

  private List<String> keys(String prefix) {
    try {
      return objects.keys(prefix);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long count(String sql) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
