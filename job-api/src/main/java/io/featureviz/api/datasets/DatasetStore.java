package io.featureviz.api.datasets;

import io.featureviz.api.Transactions;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.api.storage.BucketObjects;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Writes datasets: the images to the bucket, the rows to the tables, in that order and inside one
 * transaction that holds the dataset's id meanwhile, so that a listed dataset always has its
 * images and two writers of one id never mix their objects. Storing fails as a 503 problem.
 */
@ApplicationScoped
public class DatasetStore {

  private static final Logger LOG = Logger.getLogger(DatasetStore.class);

  private final DatasetRepository repository;
  private final BucketObjects objects;

  DatasetStore(DatasetRepository repository, BucketObjects objects) {
    this.repository = repository;
    this.objects = objects;
  }

  /**
   * Stores a new dataset; empty when its owner has one of this id already, and then nothing is
   * written. When storing fails, the objects written so far are deleted before the id is let go.
   */
  public Optional<DatasetRow> create(DatasetRow row, List<DatasetImage> images)
      throws SQLException {
    return inTransaction(connection -> {
      Optional<DatasetRow> created = repository.claim(connection, row).map(at ->
          new DatasetRow(row.tenant(), row.id(), row.name(), row.objectPrefix(),
              row.imageCount(), row.bytes(), at));
      if (created.isPresent()) {
        try {
          storeImages(connection, row, images);
        } catch (SQLException | RuntimeException e) {
          deleteObjectsQuietly(row.objectPrefix());
          throw e;
        }
      }
      return created;
    });
  }

  /**
   * Registers a built-in dataset, unless its rows list the same images (names and SHA-256):
   * instances starting together take turns, and all but the first find it done. Objects of
   * images no longer in the folder are deleted.
   *
   * @return whether anything was written
   */
  public boolean registerBuiltin(DatasetRow row, List<DatasetImage> images) throws SQLException {
    String prefix = row.objectPrefix();
    return inTransaction(connection -> {
      repository.lock(connection, prefix);
      List<DatasetImageRow> stored = repository.images(connection, prefix);
      if (contents(stored).equals(contents(images.stream().map(i -> i.row(prefix)).toList()))) {
        return false;
      }
      repository.delete(connection, row);
      repository.claim(connection, row).orElseThrow(() -> new IllegalStateException(
          "built-in dataset " + row.id() + " reappeared while locked"));
      storeImages(connection, row, images);
      Set<String> names = images.stream().map(DatasetImage::name).collect(Collectors.toSet());
      deleteObjects(stored.stream().filter(s -> !names.contains(s.name()))
          .map(DatasetImageRow::objectKey).toList());
      return true;
    });
  }

  /**
   * Deletes a dataset's rows and then its objects; if the store fails, the rows stay and the
   * deletion can be tried again.
   *
   * @return false when the dataset was gone already
   */
  public boolean delete(DatasetRow row) throws SQLException {
    return inTransaction(connection -> {
      if (!repository.delete(connection, row)) {
        return false;
      }
      try {
        objects.deleteFolder(row.objectPrefix());
      } catch (Exception e) {
        throw unavailable("deleted", "the object store did not delete its images", e);
      }
      return true;
    });
  }

  private void storeImages(Connection connection, DatasetRow row, List<DatasetImage> images)
      throws SQLException {
    for (DatasetImage image : images) {
      try {
        objects.put(image.file(), row.objectPrefix() + image.name(), image.info().contentType());
      } catch (Exception e) {
        throw unavailable("stored", "the object store did not take image " + image.name(), e);
      }
    }
    repository.insertImages(connection, row.objectPrefix(),
        images.stream().map(i -> i.row(row.objectPrefix())).toList());
  }

  private static Set<String> contents(List<DatasetImageRow> images) {
    return images.stream().map(i -> i.name() + " " + i.sha256()).collect(Collectors.toSet());
  }

  private void deleteObjects(List<String> keys) {
    try {
      objects.delete(keys);
    } catch (Exception e) {
      LOG.warnf(e, "objects of removed images remain: %s", keys);
    }
  }

  private void deleteObjectsQuietly(String prefix) {
    try {
      objects.deleteFolder(prefix);
    } catch (Exception e) {
      LOG.errorf(e, "dataset images under %s remain without rows", prefix);
    }
  }

  private static ProblemException unavailable(String what, String detail, Exception cause) {
    LOG.errorf(cause, "dataset not %s: %s", what, detail);
    return new ProblemException(503, "storage-unavailable", "Dataset not " + what,
        detail + ": " + cause.getMessage() + "; try again", List.of());
  }

  /** Work on the tables in one transaction. */
  private <T> T inTransaction(Transactions.Work<T> work) throws SQLException {
    return Transactions.inTransaction(repository::connection, work);
  }
}
