package io.featureviz.api.sweeps;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.Transactions;
import io.featureviz.api.datasets.DatasetRow;
import io.featureviz.api.jobs.NewestFirstPage;
import io.featureviz.api.jobs.PageCursor;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.objective.Channel;
import io.featureviz.metadata.JobsTable;
import io.featureviz.metadata.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The sweep tables (metadata V9), and what they point at in {@code jobs} and {@code frames}. */
@ApplicationScoped
class SweepRepository {

  private static final String SWEEP_COLUMNS = """
      id, tenant, model, layers, all_layers, channels, settings::text AS settings,
      examples::text AS examples, cancelled_at, created_at, updated_at
      """;

  /**
   * The newest final frame per element objective among the tenant's succeeded renders with
   * these settings: the GIN index on element_objectives narrows the jobs first. An
   * interpolation's frames are left out: their objectives are blends.
   */
  private static final String REUSABLE = """
      SELECT DISTINCT ON (element) element, job_id, batch_index FROM (
        SELECT fv_element_objective(j.element_objectives, f.batch_index) AS element,
               f.job_id, f.batch_index, j.created_at
        FROM jobs j JOIN frames f ON f.job_id = j.id AND f.is_final
        WHERE j.tenant = ? AND j.model = ? AND j.status = 'SUCCEEDED' AND j.kind = 'render'
          AND j.interpolate IS NULL AND j.size = ? AND j.steps = ? AND j.seed = ? AND j.lr = ?
          AND j.param = ? AND j.decorrelate = ? AND j.transforms = ?
          AND j.element_objectives && ?::text[]) found
      WHERE element = ANY(?::text[])
      ORDER BY element, created_at DESC
      """;

  /**
   * Searches of the dataset as it is now (made after its row, so not of an earlier upload under
   * the same id), one channel each.
   */
  private static final String REUSABLE_SEARCHES = """
      SELECT DISTINCT ON (objective) objective, id FROM jobs
      WHERE tenant = ? AND model = ? AND kind = 'dataset_examples' AND status = 'SUCCEEDED'
        AND dataset_prefix = ? AND top_k = ? AND created_at >= ?
        AND objective = ANY(?::text[])
      ORDER BY objective, created_at DESC
      """;

  /** Channels that other live sweeps' jobs render now, with the settings compared as reuse does. */
  private static final String RENDERING = """
      SELECT DISTINCT ON (c.layer, c.channel) c.layer, c.channel, c.job_id, c.batch_index
      FROM sweep_channels c
      JOIN sweeps w ON w.id = c.sweep_id
      JOIN jobs j ON j.id = c.job_id
      WHERE w.tenant = ? AND w.model = ? AND w.cancelled_at IS NULL
        AND (w.settings - 'thresholds') = (?::jsonb - 'thresholds')
        AND j.status IN ('QUEUED', 'RUNNING')
        AND (c.layer, c.channel) IN (SELECT * FROM unnest(?::text[], ?::integer[]))
      ORDER BY c.layer, c.channel, j.created_at DESC
      """;

  private static final String CHANNEL_STATES = """
      SELECT c.position, c.layer, c.channel, c.job_id, c.batch_index, c.reused,
             c.examples_job_id, j.status AS job_status, j.reason AS job_reason,
             j.updated_at < now() - ?::interval AS job_before_grace,
             e.status AS examples_status, f.object_key, f.stored_at
      FROM sweep_channels c
      LEFT JOIN frames f ON f.job_id = c.job_id AND f.batch_index = c.batch_index AND f.is_final
      LEFT JOIN jobs j ON j.id = c.job_id
      LEFT JOIN jobs e ON e.id = c.examples_job_id
      WHERE c.sweep_id = ? ORDER BY c.position
      """;

  private final AgroalDataSource dataSource;
  /** {@link SweepsConfig#imageGrace()} as PostgreSQL reads an interval. */
  private final String imageGrace;

  SweepRepository(AgroalDataSource dataSource, SweepsConfig config) {
    this.dataSource = dataSource;
    this.imageGrace = config.imageGrace().toMillis() + " milliseconds";
  }

  /** A frame of an earlier job: element {@code batchIndex} of job {@code jobId}. */
  record FrameRef(String jobId, int batchIndex) {}

  /** Element objective -> its newest image rendered with the settings, for those that have one. */
  static Map<String, FrameRef> reusable(Connection connection, String tenant, String model,
      SweepSettings settings, List<String> elements) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(REUSABLE)) {
      Array wanted = connection.createArrayOf("text", elements.toArray());
      int i = 0;
      select.setString(++i, tenant);
      select.setString(++i, model);
      select.setInt(++i, settings.size());
      select.setInt(++i, settings.steps());
      select.setLong(++i, settings.seed());
      select.setDouble(++i, settings.lr());
      select.setString(++i, settings.param());
      select.setBoolean(++i, settings.decorrelate());
      select.setString(++i, settings.transforms());
      select.setArray(++i, wanted);
      select.setArray(++i, wanted);
      Map<String, FrameRef> found = new HashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getString("element"),
              new FrameRef(rows.getString("job_id"), rows.getInt("batch_index")));
        }
      }
      return found;
    }
  }

  /**
   * Element objective -> the tenant's newest finished search of {@code dataset} for it with
   * {@code topK} examples, for those that have one.
   */
  static Map<String, String> reusableSearches(Connection connection, String tenant, String model,
      DatasetRow dataset, int topK, List<String> elements) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(REUSABLE_SEARCHES)) {
      int i = 0;
      select.setString(++i, tenant);
      select.setString(++i, model);
      select.setString(++i, dataset.objectPrefix());
      select.setInt(++i, topK);
      select.setTimestamp(++i, Timestamp.from(dataset.createdAt()));
      select.setArray(++i, connection.createArrayOf("text", elements.toArray()));
      Map<String, String> found = new HashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getString("objective"), rows.getString("id"));
        }
      }
      return found;
    }
  }

  /** Plans a sweep from what is recorded, read through {@code connection}. */
  @FunctionalInterface
  interface Planning {
    SweepPlan plan(Connection connection) throws SQLException;
  }

  /**
   * Plans a sweep of {@code tenant} and writes it, its channels, its shards (unpublished) and
   * their {@code jobs} rows in one transaction: a sweep is recorded whole or not at all. Empty,
   * without planning, when the tenant already has {@code maxUnfinished} unfinished sweeps.
   */
  Optional<SweepPlan> insert(String tenant, int maxUnfinished, Planning planning)
      throws SQLException {
    return underTenantLock(tenant, connection -> {
      if (countUnfinished(connection, tenant) >= maxUnfinished) {
        return Optional.empty();
      }
      // the planning reads on this connection: waiting submissions hold theirs
      SweepPlan plan = planning.plan(connection);
      insertSweep(connection, plan.sweep());
      insertChannels(connection, plan.sweep().id(), plan.channels());
      insertShards(connection, plan.sweep().id(), plan.shards());
      for (JobRequest shard : plan.shards()) {
        JobsTable.upsertRequest(connection, shard);
      }
      return Optional.of(plan);
    });
  }

  private static void insertSweep(Connection connection, SweepRow sweep) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO sweeps (id, tenant, model, layers, all_layers, channels, settings, examples,
                            created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")) {
      int i = 0;
      insert.setString(++i, sweep.id());
      insert.setString(++i, sweep.tenant());
      insert.setString(++i, sweep.model());
      insert.setArray(++i, connection.createArrayOf("text", sweep.layers().toArray()));
      insert.setBoolean(++i, sweep.allLayers());
      insert.setString(++i, sweep.channels());
      insert.setString(++i, JsonColumns.write(sweep.settings()));
      insert.setString(++i, JsonColumns.write(sweep.examples()));
      insert.setTimestamp(++i, Timestamp.from(sweep.createdAt()));
      insert.setTimestamp(++i, Timestamp.from(sweep.updatedAt()));
      insert.executeUpdate();
    }
  }

  private static void insertChannels(Connection connection, String sweepId,
      List<SweepChannel> channels) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO sweep_channels (sweep_id, position, layer, channel, job_id, batch_index,
                                    reused, examples_job_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
      for (SweepChannel channel : channels) {
        int i = 0;
        insert.setString(++i, sweepId);
        insert.setInt(++i, channel.position());
        insert.setString(++i, channel.layer());
        insert.setInt(++i, channel.channel());
        insert.setString(++i, channel.jobId());
        insert.setInt(++i, channel.batchIndex());
        insert.setBoolean(++i, channel.reused());
        insert.setString(++i, channel.examplesJobId());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void insertShards(Connection connection, String sweepId,
      List<JobRequest> shards) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO sweep_shards (job_id, sweep_id, kind, request) VALUES (?, ?, ?, ?::jsonb)""")) {
      for (JobRequest shard : shards) {
        insert.setString(1, shard.id());
        insert.setString(2, sweepId);
        insert.setString(3, shard.kind().wireName());
        insert.setString(4, new String(Messages.write(shard), StandardCharsets.UTF_8));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The sweep if it belongs to the tenant; another tenant's is as absent as an unknown one. */
  Optional<SweepRow> findOwned(String id, String tenant) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT " + SWEEP_COLUMNS + " FROM sweeps WHERE id = ? AND tenant = ?")) {
      select.setString(1, id);
      select.setString(2, tenant);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(sweep(rows)) : Optional.empty();
      }
    }
  }

  /**
   * The tenant's sweeps not cancelled with a shard QUEUED or RUNNING, or a channel awaiting such
   * a job (another sweep's).
   */
  private static int countUnfinished(Connection connection, String tenant) throws SQLException {
    try (PreparedStatement count = connection.prepareStatement("""
            SELECT count(*) FROM sweeps w WHERE w.tenant = ? AND w.cancelled_at IS NULL
            AND (EXISTS (SELECT 1 FROM sweep_shards s JOIN jobs j ON j.id = s.job_id
                         WHERE s.sweep_id = w.id AND j.status IN ('QUEUED', 'RUNNING'))
              OR EXISTS (SELECT 1 FROM sweep_channels c JOIN jobs j ON j.id = c.job_id
                         WHERE c.sweep_id = w.id AND j.status IN ('QUEUED', 'RUNNING')))""")) {
      count.setString(1, tenant);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** The tenant's sweeps newest first, of one model if given; {@code limit} after the cursor. */
  List<SweepRow> list(String tenant, String model, PageCursor after, int limit)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + SWEEP_COLUMNS
        + " FROM sweeps WHERE tenant = ?");
    List<Object> args = new ArrayList<>(List.of(tenant));
    if (model != null) {
      sql.append(" AND model = ?");
      args.add(model);
    }
    return NewestFirstPage.select(dataSource, sql, args, after, limit, SweepRepository::sweep);
  }

  /**
   * The sweep's channels in order, each with its image once the sink has stored it. Whether a
   * job succeeded beyond the grace is asked of PostgreSQL, whose clock stamped it.
   */
  List<ChannelState> channels(String sweepId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(CHANNEL_STATES)) {
      select.setString(1, imageGrace);
      select.setString(2, sweepId);
      List<ChannelState> channels = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Timestamp storedAt = rows.getTimestamp("stored_at");
          channels.add(new ChannelState(new SweepChannel(rows.getInt("position"),
              rows.getString("layer"), rows.getInt("channel"), rows.getString("job_id"),
              rows.getInt("batch_index"), rows.getBoolean("reused"),
              rows.getString("examples_job_id")), rows.getString("object_key"),
              storedAt == null ? null : storedAt.toInstant(), status(rows, "job_status"),
              rows.getString("job_reason"), rows.getBoolean("job_before_grace"),
              status(rows, "examples_status")));
        }
      }
      return channels;
    }
  }

  private static JobStatus status(ResultSet rows, String column) throws SQLException {
    String status = rows.getString(column);
    return status == null ? null : JobStatus.valueOf(status);
  }

  /**
   * Element objective -> the frame it will be: element {@code batchIndex} of a job QUEUED or
   * RUNNING for another of the tenant's sweeps (not cancelled) with the same model and
   * settings, for the wanted channels that have one.
   */
  static Map<String, FrameRef> rendering(Connection connection, String tenant, String model,
      SweepSettings settings, List<String> layers, List<Integer> channels) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(RENDERING)) {
      int i = 0;
      select.setString(++i, tenant);
      select.setString(++i, model);
      select.setString(++i, JsonColumns.write(settings));
      select.setArray(++i, connection.createArrayOf("text", layers.toArray()));
      select.setArray(++i, connection.createArrayOf("integer", channels.toArray()));
      Map<String, FrameRef> found = new HashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.put(new Channel(rows.getString("layer"), rows.getInt("channel")).toGrammar(),
              new FrameRef(rows.getString("job_id"), rows.getInt("batch_index")));
        }
      }
      return found;
    }
  }

  /**
   * The shards the sweep's channels await, with their status: its own, published or to be, and
   * those of other sweeps it shares.
   */
  private static List<ShardState> awaitedShards(Connection connection, String sweepId)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("""
        SELECT DISTINCT s.job_id, s.published, j.status, j.steps
        FROM sweep_channels c JOIN sweep_shards s ON s.job_id = c.job_id
          JOIN jobs j ON j.id = s.job_id
        WHERE c.sweep_id = ? ORDER BY s.job_id""")) {
      select.setString(1, sweepId);
      List<ShardState> shards = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          shards.add(new ShardState(rows.getString("job_id"), rows.getBoolean("published"),
              status(rows, "status"), rows.getInt("steps")));
        }
      }
      return shards;
    }
  }

  /**
   * Shards that Kafka has not acknowledged yet, of sweeps not cancelled or that another live
   * sweep awaits, oldest sweep first.
   */
  List<JobRequest> unpublished() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return unpublished(connection, null);
    }
  }

  /**
   * Those of the shards {@code among} still {@link #unpublished()}, handed to {@code send} and
   * marked published once it returns, in one transaction that holds the publishing lock of each
   * of their sweeps. A cancellation takes the same lock ({@link #cancel}), so it waits for a
   * chunk being sent and knows exactly which shards were published; a chunk read after it leaves
   * the cancelled sweep's shards out. Nothing is marked where {@code send} throws.
   */
  List<JobRequest> publish(List<String> among, Consumer<List<JobRequest>> send)
      throws SQLException {
    return Transactions.inTransaction(dataSource::getConnection, connection -> {
      try (PreparedStatement select = connection.prepareStatement("""
          SELECT DISTINCT sweep_id FROM sweep_shards WHERE job_id = ANY(?) ORDER BY sweep_id""")) {
        select.setArray(1, connection.createArrayOf("text", among.toArray()));
        try (ResultSet rows = select.executeQuery()) {
          // in one order, so that two publishers of overlapping chunks cannot deadlock
          while (rows.next()) {
            lockPublishing(connection, rows.getString(1));
          }
        }
      }
      List<JobRequest> wanted = unpublished(connection, among);
      send.accept(wanted);
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE sweep_shards SET published = true WHERE job_id = ANY(?)")) {
        update.setArray(1, connection.createArrayOf("text",
            wanted.stream().map(JobRequest::id).toArray()));
        update.executeUpdate();
      }
      return wanted;
    });
  }

  private static List<JobRequest> unpublished(Connection connection, List<String> among)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("""
        SELECT s.request::text AS request FROM sweep_shards s JOIN sweeps w ON w.id = s.sweep_id
        WHERE NOT s.published AND (w.cancelled_at IS NULL
          OR EXISTS (SELECT 1 FROM sweep_channels c JOIN sweeps o ON o.id = c.sweep_id
                     WHERE c.job_id = s.job_id AND o.cancelled_at IS NULL))
          AND (?::text[] IS NULL OR s.job_id = ANY(?))
        ORDER BY w.created_at, s.job_id""")) {
      Array ids = among == null ? null : connection.createArrayOf("text", among.toArray());
      select.setArray(1, ids);
      select.setArray(2, ids);
      List<JobRequest> requests = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          requests.add(Messages.read(rows.getString("request").getBytes(StandardCharsets.UTF_8),
              JobRequest.class));
        }
      }
      return requests;
    }
  }

  /**
   * What a cancellation leaves to do: the jobs the sweep's channels await, its own shards and
   * those it shares with other sweeps, as they were when it was recorded ({@code published}
   * exact: no chunk of them is being sent); and those of them that channels of the tenant's
   * other live sweeps await.
   */
  record Cancellation(List<ShardState> shards, Set<String> awaited) {}

  /**
   * Marks the tenant's sweep {@code id} cancelled (a second cancellation keeps the first one's
   * time) and reads the shards its channels await, and those of them that channels of the
   * tenant's other live sweeps await. Under the tenant's lock, so a sweep planned meanwhile
   * either sees this one cancelled and renders the channels itself, or is recorded first and its
   * shared jobs are returned here, to go on; and under the publishing locks of the sweeps that
   * own those shards, so none of them is published after this unless a live sweep awaits it.
   */
  Cancellation cancel(String id, String tenant) throws SQLException {
    return underTenantLock(tenant, connection -> {
      try (PreparedStatement select = connection.prepareStatement("""
          SELECT DISTINCT s.sweep_id FROM sweep_channels c JOIN sweep_shards s ON s.job_id = c.job_id
          WHERE c.sweep_id = ? ORDER BY s.sweep_id""")) {
        select.setString(1, id);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            lockPublishing(connection, rows.getString(1));
          }
        }
      }
      try (PreparedStatement update = connection.prepareStatement("""
          UPDATE sweeps SET cancelled_at = coalesce(cancelled_at, now()), updated_at = now()
          WHERE id = ?""")) {
        update.setString(1, id);
        update.executeUpdate();
      }
      List<ShardState> shards = awaitedShards(connection, id);
      Set<String> awaited = new HashSet<>();
      try (PreparedStatement select = connection.prepareStatement("""
          SELECT DISTINCT c.job_id FROM sweep_channels c JOIN sweeps w ON w.id = c.sweep_id
          WHERE c.job_id = ANY(?::text[]) AND c.sweep_id <> ? AND w.cancelled_at IS NULL""")) {
        select.setArray(1, connection.createArrayOf("text",
            shards.stream().map(ShardState::jobId).toArray()));
        select.setString(2, id);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            awaited.add(rows.getString(1));
          }
        }
      }
      return new Cancellation(shards, awaited);
    });
  }

  /** Runs {@code work} in one transaction that holds the tenant's sweep lock throughout. */
  private <T> T underTenantLock(String tenant, Transactions.Work<T> work) throws SQLException {
    return Transactions.inTransaction(dataSource::getConnection, connection -> {
      lockTenant(connection, tenant);
      return work.run(connection);
    });
  }

  /**
   * Takes the tenant's sweep lock until the transaction ends. Submissions hold it to count, plan
   * and insert, so two submitted at once can neither both pass the count nor both miss the
   * other's shards to share; a cancellation holds it so that no sweep starts sharing its shards
   * between its look at the other sweeps and its cancel requests.
   */
  static void lockTenant(Connection connection, String tenant) throws SQLException {
    advisoryLock(connection, "fv.sweeps/" + tenant);
  }

  /**
   * Takes the sweep's publishing lock until the transaction ends: the outbox holds it while it
   * sends a chunk of the sweep's shards, a cancellation while it records itself.
   */
  private static void lockPublishing(Connection connection, String sweepId) throws SQLException {
    advisoryLock(connection, "fv.sweep-publishing/" + sweepId);
  }

  private static void advisoryLock(Connection connection, String key) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "SELECT pg_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, key);
      lock.execute();
    }
  }

  private static SweepRow sweep(ResultSet rows) throws SQLException {
    Timestamp cancelledAt = rows.getTimestamp("cancelled_at");
    return new SweepRow(rows.getString("id"), rows.getString("tenant"), rows.getString("model"),
        Arrays.asList((String[]) rows.getArray("layers").getArray()),
        rows.getBoolean("all_layers"), rows.getString("channels"),
        JsonColumns.read(rows.getString("settings"), SweepSettings.class),
        JsonColumns.read(rows.getString("examples"), SweepExamples.class),
        cancelledAt == null ? null : cancelledAt.toInstant(), instant(rows, "created_at"),
        instant(rows, "updated_at"));
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    return rows.getTimestamp(column).toInstant();
  }
}
