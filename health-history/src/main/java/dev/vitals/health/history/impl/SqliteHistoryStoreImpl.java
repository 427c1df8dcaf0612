package dev.vitals.health.history.impl;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.HistoryTransition;
import dev.vitals.health.history.HistoryStoreOptions;
import dev.vitals.health.history.SqliteHistoryStore;
import dev.vitals.health.internal.BurstLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;

/**
 * {@link SqliteHistoryStore}: one JDBC connection, used only on a worker executor of one thread, in call order.
 */
public final class SqliteHistoryStoreImpl implements SqliteHistoryStore {

  /** The migrations, in order: the resource {@code sqlite/V<n>__<name>.sql} is schema version n. */
  private static final List<String> MIGRATIONS = List.of("V1__history.sql");
  private static final Comparator<HistoryRollup> ROLLUP_ORDER = Comparator.comparing(HistoryRollup::start)
    .thenComparing(HistoryRollup::instance).thenComparing(HistoryRollup::check);
  /** Series ids remembered between appends; beyond, forgotten and read again. */
  private static final int MAX_CACHED_SERIES = 100_000;

  private final Vertx vertx;
  private final Path path;
  private final HistoryStoreOptions options;
  private final Clock clock;
  private final WorkerExecutor worker;
  private final BurstLog pruneFaults = new BurstLog(SqliteHistoryStoreImpl.class, 3_600_000);
  private final Map<String, Long> seriesIds = new HashMap<>();
  private Connection connection;
  private int schemaVersion;
  private long pruneTimer = -1;
  private volatile boolean closed;

  private SqliteHistoryStoreImpl(Vertx vertx, HistoryStoreOptions options) {
    this.vertx = vertx;
    this.options = new HistoryStoreOptions(options);
    this.path = Paths.get(options.getPath()).toAbsolutePath();
    this.clock = options.getClock();
    this.worker = vertx.createSharedWorkerExecutor("vitals-history " + path, 1);
  }

  public static Future<SqliteHistoryStore> open(Vertx vertx, HistoryStoreOptions options) {
    SqliteHistoryStoreImpl store = new SqliteHistoryStoreImpl(vertx, options);
    return store.blocking(() -> {
      store.connect();
      return null;
    }).compose(v -> store.prune()).<SqliteHistoryStore>map(pruned -> {
      store.pruneTimer = vertx.setPeriodic(store.options.getPruneInterval(), id -> store.prune()
        .onFailure(e -> store.pruneFaults.log(Level.WARNING, () -> "History store: pruning failed: " + e.getMessage())));
      return store;
    }).recover(failure -> {
      store.closed = true;
      return store.blocking(() -> {
        store.disconnect();
        return null;
      }).transform(ignored -> {
        store.worker.close();
        return Future.failedFuture(failure);
      });
    });
  }

  // Runs on the worker.
  private void connect() throws SQLException, IOException {
    Path dir = path.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IOException("no such directory: " + dir);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(5_000);
    // 16 MB of page cache (the default is 2 MB): 1,000 checks' minutes land on 1,000 pages of the tables each batch.
    config.setCacheSize(-16_000);
    connection = config.createConnection("jdbc:sqlite:" + path);
    try (Statement statement = connection.createStatement();
         ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
        throw new SQLException("cannot use a write-ahead log (journal_mode " + (mode.getString(1)) + ")");
      }
    }
    migrate();
  }

  private void migrate() throws SQLException, IOException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
        + " applied_at INTEGER NOT NULL)");
      int current;
      try (ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
        current = rs.next() ? rs.getInt(1) : 0;
      }
      if (current > MIGRATIONS.size()) {
        throw new SQLException("schema version " + current + " is newer than this Vitals knows ("
          + MIGRATIONS.size() + "); left as it is");
      }
      for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
        for (String sql : statements(MIGRATIONS.get(version - 1))) {
          statement.executeUpdate(sql);
        }
        try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
          insert.setInt(1, version);
          insert.setLong(2, clock.millis());
          insert.executeUpdate();
        }
      }
      connection.commit();
      schemaVersion = MIGRATIONS.size();
    } catch (SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }

  private static List<String> statements(String resource) throws IOException {
    try (InputStream in = SqliteHistoryStoreImpl.class.getResourceAsStream(
      "/dev/vitals/health/history/sqlite/" + resource)) {
      if (in == null) {
        throw new IOException("migration " + resource + " missing from the jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> statements = new ArrayList<>();
      for (String part : text.split("(?m)^--;\\s*$")) {
        StringBuilder sql = new StringBuilder();
        for (String line : part.split("\n")) {
          if (!line.startsWith("--")) {
            sql.append(line).append('\n');
          }
        }
        if (!sql.toString().isBlank()) {
          statements.add(sql.toString().trim());
        }
      }
      return statements;
    }
  }

  private void disconnect() {
    if (connection != null) {
      try {
        connection.close(); // the last connection's close checkpoints the log into the file
      } catch (SQLException ignored) {
        // closing: nothing left to do with it
      }
      connection = null;
    }
  }

  /** Runs {@code work} on the store's thread, after what was asked before; faults name the file. */
  private <T> Future<T> blocking(Callable<T> work) {
    return worker.<T>executeBlocking(work, true).recover(failure -> Future.failedFuture(
      failure instanceof IllegalStateException && failure.getMessage() != null
        && failure.getMessage().startsWith("history store") ? failure
        : new IllegalStateException("history store " + path + ": " + describe(failure), failure)));
  }

  private static String describe(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  private <T> Future<T> whileOpen(Callable<T> work) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("history store closed"));
    }
    return blocking(() -> {
      if (connection == null) {
        throw new IllegalStateException("history store closed");
      }
      return work.call();
    });
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public int schemaVersion() {
    return schemaVersion;
  }

  // ---- writes

  @Override
  public Future<Void> append(List<HistoryTransition> transitions, List<HistoryRollup> rollups) {
    for (HistoryRollup row : rollups) {
      if (row.spanMs() != MINUTE_MS) {
        return Future.failedFuture(new IllegalArgumentException("rollups: expected minutes (spanMs 60000), got '"
          + row.spanMs() + "'"));
      }
    }
    List<HistoryTransition> changes = List.copyOf(transitions);
    List<HistoryRollup> minutes = List.copyOf(rollups);
    return whileOpen(() -> {
      try {
        insert(changes, minutes);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        seriesIds.clear(); // ids made in the rolled back transaction are gone
        throw e;
      }
      return null;
    });
  }

  private void insert(List<HistoryTransition> changes, List<HistoryRollup> minutes) throws SQLException {
    try (PreparedStatement transition = connection.prepareStatement(
      "INSERT INTO transitions (series_id, at, from_status, to_status, output) VALUES (?, ?, ?, ?, ?)")) {
      for (HistoryTransition t : changes) {
        transition.setLong(1, series(t.instance(), t.check()));
        transition.setLong(2, t.at().toEpochMilli());
        if (t.from() == null) {
          transition.setNull(3, Types.VARCHAR);
        } else {
          transition.setString(3, t.from().wireName());
        }
        transition.setString(4, t.to().wireName());
        transition.setString(5, t.output());
        transition.addBatch();
      }
      transition.executeBatch();
    }
    try (PreparedStatement minute = connection.prepareStatement(
      "INSERT INTO minutes (series_id, start, runs, passes, warns, fails, available_ms, warn_ms, observed_ms,"
        + " maintenance_ms, p50_ms, p95_ms, max_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (series_id, start) DO UPDATE SET runs = excluded.runs, passes = excluded.passes,"
        + " warns = excluded.warns, fails = excluded.fails, available_ms = excluded.available_ms,"
        + " warn_ms = excluded.warn_ms, observed_ms = excluded.observed_ms,"
        + " maintenance_ms = excluded.maintenance_ms, p50_ms = excluded.p50_ms, p95_ms = excluded.p95_ms,"
        + " max_ms = excluded.max_ms")) {
      for (HistoryRollup r : minutes) {
        minute.setLong(1, series(r.instance(), r.check()));
        minute.setLong(2, r.start().toEpochMilli());
        minute.setInt(3, r.runs());
        minute.setInt(4, r.passes());
        minute.setInt(5, r.warns());
        minute.setInt(6, r.fails());
        minute.setLong(7, r.availableMs());
        minute.setLong(8, r.warnMs());
        minute.setLong(9, r.observedMs());
        minute.setLong(10, r.maintenanceMs());
        minute.setLong(11, r.p50Ms());
        minute.setLong(12, r.p95Ms());
        minute.setLong(13, r.maxMs());
        minute.addBatch();
      }
      minute.executeBatch();
    }
  }

  private long series(String instance, String check) throws SQLException {
    String key = instance + '\u0000' + check;
    Long id = seriesIds.get(key);
    if (id != null) {
      return id;
    }
    try (PreparedStatement select = connection.prepareStatement(
      "SELECT id FROM series WHERE instance = ? AND check_name = ?")) {
      select.setString(1, instance);
      select.setString(2, check);
      try (ResultSet rs = select.executeQuery()) {
        if (rs.next()) {
          id = rs.getLong(1);
        }
      }
    }
    if (id == null) {
      try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO series (instance, check_name) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, instance);
        insert.setString(2, check);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
    }
    if (seriesIds.size() >= MAX_CACHED_SERIES) {
      seriesIds.clear();
    }
    seriesIds.put(key, id);
    return id;
  }

  // ---- reads

  @Override
  public Future<List<HistoryRollup>> rollups(String instance, String check, Instant from, Instant to) {
    return readRollups("minutes", MINUTE_MS, instance, check, from, to);
  }

  @Override
  public Future<List<HistoryRollup>> hourlyRollups(String instance, String check, Instant from, Instant to) {
    return readRollups("hours", HOUR_MS, instance, check, from, to);
  }

  // The series first (a few rows), then each one's primary-key range: the rows carry the series' id, not its two
  // names (each column read is a JNI call, a string the dearest), and are sorted here. A join let SQLite scan the
  // whole table per read (13.7 s for 30 days of 1,000 checks' hours, read a day at a time; 6 s joined the other
  // way round).
  private Future<List<HistoryRollup>> readRollups(String table, long span, String instance, String check,
                                                  Instant from, Instant to) {
    long low = from.toEpochMilli();
    long high = to.toEpochMilli();
    return whileOpen(() -> {
      Map<Long, String[]> names = new HashMap<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT id, instance, check_name FROM series"
        + " WHERE (?1 IS NULL OR instance = ?1) AND (?2 IS NULL OR check_name = ?2)")) {
        select.setString(1, instance);
        select.setString(2, check);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
          }
        }
      }
      List<HistoryRollup> rows = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(
        "SELECT series_id, start, runs, passes, warns, fails, available_ms, warn_ms, observed_ms, maintenance_ms,"
          + " p50_ms, p95_ms, max_ms FROM " + table + " WHERE series_id IN (SELECT id FROM series"
          + " WHERE (?1 IS NULL OR instance = ?1) AND (?2 IS NULL OR check_name = ?2))"
          + " AND start >= ?3 AND start < ?4")) {
        select.setString(1, instance);
        select.setString(2, check);
        select.setLong(3, low);
        select.setLong(4, high);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            String[] series = names.get(rs.getLong(1));
            if (series == null) {
              continue; // a series made since the names were read: not in this read
            }
            rows.add(new HistoryRollup(series[0], series[1], Instant.ofEpochMilli(rs.getLong(2)), span,
              rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
              rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13)));
          }
        }
      }
      connection.commit();
      rows.sort(ROLLUP_ORDER);
      return rows;
    });
  }

  @Override
  public Future<List<HistoryTransition>> transitions(String instance, String check, Instant from, Instant to,
                                                     int limit) {
    if (limit <= 0) {
      return Future.failedFuture(new IllegalArgumentException("limit: expected a positive number, got '" + limit + "'"));
    }
    long low = from.toEpochMilli();
    long high = to.toEpochMilli();
    return whileOpen(() -> {
      List<HistoryTransition> rows = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(
        "SELECT s.instance, s.check_name, t.at, t.from_status, t.to_status, t.output FROM series s CROSS JOIN transitions t"
          + " ON t.series_id = s.id WHERE (?1 IS NULL OR s.instance = ?1) AND (?2 IS NULL OR s.check_name = ?2)"
          + " AND t.at >= ?3 AND t.at < ?4 ORDER BY t.at DESC, s.instance DESC, s.check_name DESC LIMIT ?5")) {
        select.setString(1, instance);
        select.setString(2, check);
        select.setLong(3, low);
        select.setLong(4, high);
        select.setInt(5, limit);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            String fromStatus = rs.getString(4);
            rows.add(new HistoryTransition(rs.getString(1), rs.getString(2),
              fromStatus == null ? null : HealthStatus.fromWireName(fromStatus),
              HealthStatus.fromWireName(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(6)));
          }
        }
      }
      connection.commit();
      Collections.reverse(rows);
      return rows;
    });
  }

  @Override
  public Future<List<String>> instances() {
    return whileOpen(() -> {
      List<String> names = new ArrayList<>();
      try (Statement statement = connection.createStatement();
           ResultSet rs = statement.executeQuery("SELECT DISTINCT instance FROM series ORDER BY instance")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      connection.commit();
      return names;
    });
  }

  // ---- pruning

  private Future<Long> prune() {
    long now = clock.millis();
    return prune(Instant.ofEpochMilli(now - options.getTransitionRetention()),
      Instant.ofEpochMilli(now - options.getMinuteRetention()), Instant.ofEpochMilli(now - options.getHourRetention()));
  }

  @Override
  public Future<Long> prune(Instant transitionsBefore, Instant minutesBefore, Instant hoursBefore) {
    return whileOpen(() -> {
      long deleted = 0;
      try {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id FROM series")) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
        try (PreparedStatement minutes = connection.prepareStatement(
          "DELETE FROM minutes WHERE series_id = ? AND start < ?");
             PreparedStatement hours = connection.prepareStatement(
               "DELETE FROM hours WHERE series_id = ? AND start < ?")) {
          for (long id : ids) {
            minutes.setLong(1, id);
            minutes.setLong(2, minutesBefore.toEpochMilli());
            deleted += minutes.executeUpdate();
            hours.setLong(1, id);
            hours.setLong(2, hoursBefore.toEpochMilli());
            deleted += hours.executeUpdate();
          }
        }
        try (PreparedStatement transitions = connection.prepareStatement("DELETE FROM transitions WHERE at < ?")) {
          transitions.setLong(1, transitionsBefore.toEpochMilli());
          deleted += transitions.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
          statement.executeUpdate("DELETE FROM series WHERE NOT EXISTS (SELECT 1 FROM minutes WHERE series_id = id)"
            + " AND NOT EXISTS (SELECT 1 FROM hours WHERE series_id = id)"
            + " AND NOT EXISTS (SELECT 1 FROM transitions WHERE series_id = id)");
        }
        connection.commit();
        seriesIds.clear();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
      return deleted;
    });
  }

  @Override
  public Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    if (pruneTimer >= 0) {
      vertx.cancelTimer(pruneTimer);
    }
    return blocking(() -> {
      disconnect();
      return null;
    }).<Void>mapEmpty().eventually(worker::close);
  }
}
