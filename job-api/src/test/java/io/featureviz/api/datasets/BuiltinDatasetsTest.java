package io.featureviz.api.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.testing.TestImages;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Registering built-in datasets from folders, as at start: idempotent, safe when instances start
 * together, following a folder's changes, and skipping what is no image or no folder.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class BuiltinDatasetsTest {

  @Inject
  DatasetStore store;

  @Inject
  DatasetRepository repository;

  @Inject
  BucketObjects objects;

  @Test
  void registeringTheSameFolderAgainWritesNothing() throws Exception {
    DatasetRow before = repository.findBuiltin("photos").orElseThrow();
    BuiltinDatasets.register("photos", TestImages.PHOTOS, store);
    DatasetRow after = repository.findBuiltin("photos").orElseThrow();
    // a registration replaces the row, which would be created anew
    assertEquals(before, after);
    assertEquals(TestImages.PHOTO_COUNT, repository.images("public-datasets/photos/").size());
  }

  @Test
  void instancesStartingTogetherRegisterOnce() throws Exception {
    Path folder = Files.createTempDirectory("fv-builtin-");
    Files.write(folder.resolve("a.png"), TestImages.png(10));
    Files.write(folder.resolve("b.png"), TestImages.png(11));
    ExecutorService instances = Executors.newFixedThreadPool(3);
    try {
      List<Future<Void>> starts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Callable<Void> start = () -> {
          BuiltinDatasets.register("test-together", folder, store);
          return null;
        };
        starts.add(instances.submit(start));
      }
      for (Future<Void> start : starts) {
        start.get();
      }
      assertEquals(List.of("a.png", "b.png"), names("test-together"));
    } finally {
      instances.shutdown();
      store.delete(repository.findBuiltin("test-together").orElseThrow());
    }
  }

  @Test
  void changesOfTheFolderAreFollowedAndOtherFilesSkipped() throws Exception {
    Path folder = Files.createTempDirectory("fv-builtin-");
    Files.write(folder.resolve("a.png"), TestImages.png(20));
    Files.write(folder.resolve("b.png"), TestImages.png(21));
    Files.writeString(folder.resolve("README.txt"), "not an image");
    try {
      BuiltinDatasets.register("test-changing", folder, store);
      assertEquals(List.of("a.png", "b.png"), names("test-changing"));

      Files.delete(folder.resolve("a.png"));
      Files.write(folder.resolve("b.png"), TestImages.png(22));
      Files.write(folder.resolve("c.png"), TestImages.png(23));
      BuiltinDatasets.register("test-changing", folder, store);

      assertEquals(List.of("b.png", "c.png"), names("test-changing"));
      assertEquals(List.of("public-datasets/test-changing/b.png",
          "public-datasets/test-changing/c.png"), objects.keys("public-datasets/test-changing/"));
      DatasetImageRow b = repository.images("public-datasets/test-changing/").get(0);
      assertEquals(TestImages.sha256(TestImages.png(22)), b.sha256());
      assertEquals(2, repository.findBuiltin("test-changing").orElseThrow().imageCount());
    } finally {
      store.delete(repository.findBuiltin("test-changing").orElseThrow());
    }
  }

  @Test
  void aMissingFolderIsSkipped() throws Exception {
    BuiltinDatasets.register("test-missing", Path.of("/nonexistent/featureviz/images"), store);
    assertTrue(repository.findBuiltin("test-missing").isEmpty());
  }

  private List<String> names(String id) throws Exception {
    return repository.images(repository.findBuiltin(id).orElseThrow().objectPrefix()).stream()
        .map(DatasetImageRow::name).toList();
  }
}
