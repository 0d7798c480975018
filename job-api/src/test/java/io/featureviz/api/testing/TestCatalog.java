package io.featureviz.api.testing;

import io.agroal.api.AgroalDataSource;
import io.featureviz.contracts.messages.BuiltInModels;
import io.featureviz.contracts.messages.ModelCatalogEntry;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.messages.ModelImport;
import io.featureviz.metadata.ModelsTable;
import io.featureviz.optvis.model.ModelCatalog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model catalog as workers write it, without a worker: the real built-in models, loaded with
 * the engine (optvis, test scope only) in this JVM once, and written through
 * {@link ModelsTable#record} as the storage sink writes a worker's entries. Its observer writes
 * the built-in rows whenever the application under test starts, so every test may submit jobs on
 * them; the static methods play a worker that imported an upload.
 */
public class TestCatalog {

  /** The shared models beside the repository (surefire sets {@code featureviz.shared.dir}). */
  public static final Path MODELS_DIR = Path.of(
      System.getProperty("featureviz.shared.dir", "../../shared"), "models");
  private static final String WORKER = "test";
  private static final Map<String, ModelDescription> BUILT_INS = new ConcurrentHashMap<>();

  void writeBuiltIns(@Observes StartupEvent start, AgroalDataSource dataSource)
      throws SQLException {
    for (String id : BuiltInModels.IDS) {
      restoreBuiltIn(dataSource, id);
    }
  }

  /** The built-in model as the engine describes it; loaded once per JVM. */
  public static ModelDescription builtIn(String id) {
    return BUILT_INS.computeIfAbsent(id,
        key -> new ModelCatalog(MODELS_DIR).load(key).info().description());
  }

  /** Writes the built-in model's row, as a worker does at its start. */
  public static void restoreBuiltIn(AgroalDataSource dataSource, String id) throws SQLException {
    record(dataSource, ModelCatalogEntry.builtIn(builtIn(id), WORKER));
  }

  /**
   * Marks the tenant's upload READY with the description of {@code like} (a built-in model whose
   * file was uploaded) under the upload's id, as the worker importing it would.
   */
  public static void ready(AgroalDataSource dataSource, String id, String tenant, String like)
      throws SQLException {
    ModelDescription d = builtIn(like);
    ModelDescription description = new ModelDescription(id, d.format(), d.inputSize(),
        d.rangeMin(), d.rangeMax(), d.mean(), d.std(), d.layers(), d.labels(), d.logitsLayer());
    record(dataSource, ModelCatalogEntry.imported(importOf(id, tenant), description, WORKER));
  }

  /** Marks the tenant's upload FAILED with the reason, as the worker importing it would. */
  public static void failed(AgroalDataSource dataSource, String id, String tenant, String reason)
      throws SQLException {
    record(dataSource, ModelCatalogEntry.failed(importOf(id, tenant), reason, WORKER));
  }

  private static ModelImport importOf(String id, String tenant) {
    // the format only travels to the worker; the entry does not carry it
    return ModelImport.of(id, tenant, "tflite");
  }

  private static void record(AgroalDataSource dataSource, ModelCatalogEntry entry)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!ModelsTable.record(connection, entry)) {
        throw new IllegalStateException("catalog entry of " + entry.modelId()
            + " changed no row");
      }
    }
  }
}
