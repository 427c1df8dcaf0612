package dev.vitals.health.history.impl;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.HistoryTransition;
import dev.vitals.health.ScrubOptions;
import dev.vitals.health.Scrubber;
import dev.vitals.health.history.HistoryStoreOptions;
import dev.vitals.health.history.PgHistoryStore;
import dev.vitals.health.history.PgHistoryStoreOptions;
import dev.vitals.health.internal.BurstLog;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * {@link PgHistoryStore} over a vertx-pg-client pool. Appends run one at a time, in the order called (a chain of
 * futures, at most {@code maxWaitQueueSize} long); a read waits for the appends called before it, then runs beside
 * the others. Every operation has a deadline of {@code queryTimeout} from when it is started; the connections carry
 * the same {@code statement_timeout}, so the server ends what the client gave up on.
 */
public final class PgHistoryStoreImpl implements PgHistoryStore {

  /** Rows one pruning step deletes at most, so that no step holds a long lock or outlives the query timeout. */
  static final int PRUNE_STEP = 10_000;
  /** Rows one statement of an append writes at most (a flush of 1,000 checks' minutes is one): 5,000. */
  static final int CHUNK = 5_000;

  private static final BurstLog LOG = new BurstLog(PgHistoryStoreImpl.class, 60_000);
  private static final Scrubber SCRUBBER = new Scrubber(new ScrubOptions());

  /** What a read answers of a rollup, in this order (the series' names, then the row's). */
  private static final String ROLLUP_COLUMNS = "s.instance, s.check_name, r.start, r.runs, r.passes, r.warns,"
    + " r.fails, r.available_ms, r.warn_ms, r.observed_ms, r.maintenance_ms, r.p50_ms, r.p95_ms, r.max_ms";
  private static final String SUM_COLUMNS = "runs, passes, warns, fails, available_ms, warn_ms, observed_ms,"
    + " maintenance_ms, p50_ms, p95_ms, max_ms";

  /**
   * Taken shared by every append and exclusive by the pruning of series: a series is never deleted between an
   * append finding it and that append's commit (the bytes of {@code "VitalsH2"}).
   */
  static final long SERIES_LOCK = PgSchema.MIGRATION_LOCK + 1;

  /** Each instance and check of an append gets its series, if it has none yet. */
  private static final String INSERT_SERIES = "INSERT INTO vitals_history_series (instance, check_name)"
    + " SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING";

  /** Transitions: one multi-row statement over arrays; a retry of rows already written adds nothing. */
  private static final String INSERT_TRANSITIONS = "INSERT INTO vitals_history_transitions"
    + " (instance, check_name, at, from_status, to_status, output)"
    + " SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[])"
    + " ON CONFLICT DO NOTHING";

  /**
   * Minutes and their hours in one statement: the minutes replace those of the same key, and each hour gets the
   * difference between the new minutes and those they replace, read beside the input (all of the statement reads
   * the tables as they were before it). The input is materialized once, the minutes it replaces found by their key
   * (a join planned per row would read the input once per row: 0.6 s for 1,000 rows). The caller sends each key
   * once, its series already there.
   */
  private static final String UPSERT_MINUTES = "WITH input AS MATERIALIZED (SELECT s.id AS series_id, i.start, i.hour,"
    + " i.runs, i.passes, i.warns, i.fails, i.available_ms, i.warn_ms, i.observed_ms, i.maintenance_ms, i.p50_ms,"
    + " i.p95_ms, i.max_ms, coalesce(o.runs, 0) AS old_runs, coalesce(o.passes, 0) AS old_passes,"
    + " coalesce(o.warns, 0) AS old_warns, coalesce(o.fails, 0) AS old_fails,"
    + " coalesce(o.available_ms, 0) AS old_available_ms, coalesce(o.warn_ms, 0) AS old_warn_ms,"
    + " coalesce(o.observed_ms, 0) AS old_observed_ms, coalesce(o.maintenance_ms, 0) AS old_maintenance_ms"
    + " FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::int[], $6::int[],"
    + " $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[], $13::int[], $14::int[], $15::int[])"
    + " AS i(instance, check_name, start, hour, runs, passes, warns, fails, available_ms, warn_ms, observed_ms,"
    + " maintenance_ms, p50_ms, p95_ms, max_ms)"
    + " JOIN vitals_history_series s USING (instance, check_name)"
    + " LEFT JOIN vitals_history_minutes o ON o.start = i.start AND o.series_id = s.id),"
    + " minutes AS (INSERT INTO vitals_history_minutes AS m (start, series_id, " + SUM_COLUMNS + ")"
    + " SELECT start, series_id, " + SUM_COLUMNS + " FROM input"
    + " ON CONFLICT (start, series_id) DO UPDATE SET runs = excluded.runs, passes = excluded.passes,"
    + " warns = excluded.warns, fails = excluded.fails, available_ms = excluded.available_ms,"
    + " warn_ms = excluded.warn_ms, observed_ms = excluded.observed_ms, maintenance_ms = excluded.maintenance_ms,"
    + " p50_ms = excluded.p50_ms, p95_ms = excluded.p95_ms, max_ms = excluded.max_ms)"
    + " INSERT INTO vitals_history_hours AS h (start, series_id, " + SUM_COLUMNS + ")"
    + " SELECT hour, series_id, sum(runs - old_runs), sum(passes - old_passes), sum(warns - old_warns),"
    + " sum(fails - old_fails), sum(available_ms - old_available_ms), sum(warn_ms - old_warn_ms),"
    + " sum(observed_ms - old_observed_ms), sum(maintenance_ms - old_maintenance_ms), max(p50_ms), max(p95_ms),"
    + " max(max_ms) FROM input GROUP BY series_id, hour"
    + " ON CONFLICT (series_id, start) DO UPDATE SET runs = h.runs + excluded.runs,"
    + " passes = h.passes + excluded.passes, warns = h.warns + excluded.warns, fails = h.fails + excluded.fails,"
    + " available_ms = h.available_ms + excluded.available_ms, warn_ms = h.warn_ms + excluded.warn_ms,"
    + " observed_ms = h.observed_ms + excluded.observed_ms,"
    + " maintenance_ms = h.maintenance_ms + excluded.maintenance_ms,"
    + " p50_ms = greatest(h.p50_ms, excluded.p50_ms), p95_ms = greatest(h.p95_ms, excluded.p95_ms),"
    + " max_ms = greatest(h.max_ms, excluded.max_ms)";

  private static final String SELECT_ROLLUPS = "SELECT " + ROLLUP_COLUMNS + " FROM %s r"
    + " JOIN vitals_history_series s ON s.id = r.series_id"
    + " WHERE r.start >= $1 AND r.start < $2 AND ($3::text IS NULL OR s.instance = $3)"
    + " AND ($4::text IS NULL OR s.check_name = $4) ORDER BY r.start, s.instance, s.check_name LIMIT $5";

  private static final String SELECT_TRANSITIONS = "SELECT * FROM (SELECT instance, check_name, at, from_status,"
    + " to_status, output FROM vitals_history_transitions WHERE at >= $1 AND at < $2"
    + " AND ($3::text IS NULL OR instance = $3) AND ($4::text IS NULL OR check_name = $4)"
    + " ORDER BY at DESC, instance DESC, check_name DESC LIMIT $5) newest ORDER BY at, instance, check_name";

  private static final String PRUNE = "DELETE FROM %1$s WHERE ctid IN (SELECT ctid FROM %1$s WHERE %2$s < $1 LIMIT "
    + PRUNE_STEP + ")";

  /** Series left without rows (the cheap test first: hours outlive minutes with sane retentions). */
  private static final String PRUNE_SERIES = "DELETE FROM vitals_history_series s"
    + " WHERE NOT EXISTS (SELECT 1 FROM vitals_history_hours h WHERE h.series_id = s.id)"
    + " AND NOT EXISTS (SELECT 1 FROM vitals_history_transitions t"
    + " WHERE t.instance = s.instance AND t.check_name = s.check_name)"
    + " AND NOT EXISTS (SELECT 1 FROM vitals_history_minutes m WHERE m.series_id = s.id)";

  private final Vertx vertx;
  private final HistoryStoreOptions retention;
  private final PgHistoryStoreOptions options;
  private final Pool pool;
  private final String location;
  private final String password;
  private final long pruneTimer;

  // guarded by this
  private Future<Integer> schema;
  private Future<Void> writes = Future.succeededFuture();
  /** Operations called and not yet ended on their connection, reads and writes: at most pool + wait queue. */
  private int underWay;
  private Future<Long> pruning = Future.succeededFuture(0L);
  private boolean closed;
  private Future<Void> closing;

  /**
   * @param vertx     the Vert.x instance of the pool and the timers
   * @param retention a copy the store keeps: the retentions, the pruning's interval and clock, and the connection
   * @throws IllegalArgumentException {@code uri: the client cannot read '<uri, password masked>'}
   */
  public PgHistoryStoreImpl(Vertx vertx, HistoryStoreOptions retention) {
    this.vertx = vertx;
    this.retention = retention;
    PgHistoryStoreOptions options = retention.getPostgresql();
    this.options = options;
    PgConnectOptions connect;
    try {
      connect = options.getUri() == null ? new PgConnectOptions() : PgConnectOptions.fromUri(options.getUri());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("uri: the client cannot read '" + SCRUBBER.scrub(options.getUri()) + "'");
    }
    if (options.getHost() != null) {
      connect.setHost(options.getHost());
    }
    if (options.getPort() != 0) {
      connect.setPort(options.getPort());
    }
    if (options.getDatabase() != null) {
      connect.setDatabase(options.getDatabase());
    }
    if (options.getUser() != null) {
      connect.setUser(options.getUser());
    }
    if (options.getPassword() != null) {
      connect.setPassword(options.getPassword());
    }
    connect.addProperty("application_name", "vitals-history");
    // a startup parameter, so no round trip per operation (PgBouncer refuses it unless ignore_startup_parameters
    // names it; the client's deadline still holds then)
    connect.addProperty("statement_timeout", Long.toString(options.getQueryTimeout()));
    connect.addProperty("TimeZone", "UTC");
    this.password = connect.getPassword();
    this.location = "postgresql://" + connect.getHost() + ":" + connect.getPort() + "/" + connect.getDatabase();
    int connectTimeout = (int) Math.min(options.getConnectTimeout(), Integer.MAX_VALUE);
    this.pool = PgBuilder.pool()
      .with(new PoolOptions().setMaxSize(options.getMaxPoolSize()).setMaxWaitQueueSize(options.getMaxWaitQueueSize())
        .setConnectionTimeout((int) options.getQueryTimeout()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setName("vitals-history-" + location).setShared(false))
      // a connection idle (nothing read or written) for that long is closed: a server that stopped answering
      // altogether (no statement_timeout can act) holds an append at most that long
      .with(new NetClientOptions().setConnectTimeout(connectTimeout).setTcpKeepAlive(true)
        .setIdleTimeout((int) Math.max(3 * options.getQueryTimeout(), 60_000)).setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
      .connectingTo(connect)
      .using(vertx)
      .build();
    schema = startMigration();
    // once the schema is there, then on the timer
    schema.onSuccess(version -> pruneExpired());
    pruneTimer = vertx.setPeriodic(retention.getPruneInterval(), id -> {
      synchronized (this) {
        if (!pruning.isComplete()) {
          return; // the last one is still at work: no queue of prunings behind a slow database
        }
      }
      pruneExpired();
    });
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public synchronized Future<Integer> migrate() {
    if (closed) {
      return closedFailure();
    }
    if (schema.failed()) {
      schema = startMigration();
    }
    return schema;
  }

  private Future<Integer> startMigration() {
    return withDeadline(options.getQueryTimeout(), conn -> conn.begin().compose(tx -> PgSchema.migrate(conn)
      .compose(version -> tx.commit().map(version),
        failure -> tx.rollback().transform(r -> Future.failedFuture(failure)))), Promise.promise());
  }

  @Override
  public Future<Void> append(List<HistoryTransition> transitions, List<HistoryRollup> rollups) {
    for (HistoryRollup minute : rollups) {
      if (minute.spanMs() != MINUTE_MS) {
        return Future.failedFuture(new IllegalArgumentException("rollups: expected minutes (spanMs 60000), got '"
          + minute.spanMs() + "'"));
      }
    }
    if (transitions.isEmpty() && rollups.isEmpty()) {
      return inOrder(false, options.getQueryTimeout(), conn -> Future.succeededFuture());
    }
    // A backlog (the rows a registry held through an outage) goes in statements of at most CHUNK rows, each well
    // within statement_timeout, in one transaction whose deadline grows with them: a batch too big for one
    // statement's timeout would otherwise fail at every retry.
    List<HistoryRollup> minutes = distinct(rollups);
    List<Tuple> statements = new ArrayList<>();
    List<String> sql = new ArrayList<>();
    for (int from = 0; from < transitions.size(); from += CHUNK) {
      statements.add(transitionArrays(transitions.subList(from, Math.min(transitions.size(), from + CHUNK))));
      sql.add(INSERT_TRANSITIONS);
    }
    for (int from = 0; from < minutes.size(); from += CHUNK) {
      statements.add(minuteArrays(minutes.subList(from, Math.min(minutes.size(), from + CHUNK))));
      sql.add(UPSERT_MINUTES);
    }
    Tuple seriesRows = series(transitions, rollups);
    long deadline = options.getQueryTimeout() * Math.max(1, statements.size());
    return inOrder(true, deadline, conn -> conn.begin().compose(tx -> {
      Future<?> written = conn.query("SELECT pg_advisory_xact_lock_shared(" + SERIES_LOCK + ")").execute()
        .compose(v -> conn.preparedQuery(INSERT_SERIES).execute(seriesRows));
      for (int i = 0; i < statements.size(); i++) {
        String statement = sql.get(i);
        Tuple rows = statements.get(i);
        written = written.compose(v -> conn.preparedQuery(statement).execute(rows));
      }
      return written.compose(v -> tx.commit(), failure -> tx.rollback().transform(r -> Future.failedFuture(failure)));
    }));
  }

  /**
   * @return each instance, check and minute once, the last one given winning (as if appended one after the other):
   * ON CONFLICT DO UPDATE cannot touch a row twice in one statement, nor may two statements count one minute twice
   */
  private static List<HistoryRollup> distinct(List<HistoryRollup> rollups) {
    Map<List<Object>, HistoryRollup> last = new LinkedHashMap<>();
    for (HistoryRollup r : rollups) {
      last.put(List.of(r.instance(), r.check(), r.start()), r);
    }
    return new ArrayList<>(last.values());
  }

  /** @return the instance and check pairs of an append, each once: two arrays */
  private static Tuple series(List<HistoryTransition> transitions, List<HistoryRollup> rollups) {
    java.util.Set<List<String>> pairs = new java.util.LinkedHashSet<>();
    transitions.forEach(t -> pairs.add(List.of(text(t.instance()), text(t.check()))));
    rollups.forEach(r -> pairs.add(List.of(text(r.instance()), text(r.check()))));
    String[] instance = new String[pairs.size()];
    String[] check = new String[pairs.size()];
    int i = 0;
    for (List<String> pair : pairs) {
      instance[i] = pair.get(0);
      check[i++] = pair.get(1);
    }
    return Tuple.tuple().addValue(instance).addValue(check); // not Tuple.of: its varargs would spread check
  }

  private static Tuple transitionArrays(List<HistoryTransition> transitions) {
    int n = transitions.size();
    String[] instance = new String[n];
    String[] check = new String[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    String[] from = new String[n];
    String[] to = new String[n];
    String[] output = new String[n];
    for (int i = 0; i < n; i++) {
      HistoryTransition t = transitions.get(i);
      instance[i] = text(t.instance());
      check[i] = text(t.check());
      at[i] = utc(t.at());
      from[i] = t.from() == null ? null : t.from().wireName();
      to[i] = t.to().wireName();
      output[i] = text(t.output());
    }
    return Tuple.of(instance, check, at, from, to, output);
  }

  /** @param rollups minutes, each key once ({@link #distinct}) */
  private static Tuple minuteArrays(List<HistoryRollup> rollups) {
    int n = rollups.size();
    String[] instance = new String[n];
    String[] check = new String[n];
    OffsetDateTime[] start = new OffsetDateTime[n];
    OffsetDateTime[] hour = new OffsetDateTime[n];
    Integer[][] sums = new Integer[11][n];
    int i = 0;
    for (HistoryRollup r : rollups) {
      instance[i] = text(r.instance());
      check[i] = text(r.check());
      start[i] = utc(r.start());
      long ms = r.start().toEpochMilli();
      hour[i] = utc(Instant.ofEpochMilli(Math.floorDiv(ms, HOUR_MS) * HOUR_MS));
      sums[0][i] = r.runs();
      sums[1][i] = r.passes();
      sums[2][i] = r.warns();
      sums[3][i] = r.fails();
      sums[4][i] = (int) r.availableMs();
      sums[5][i] = (int) r.warnMs();
      sums[6][i] = (int) r.observedMs();
      sums[7][i] = (int) r.maintenanceMs();
      sums[8][i] = clamp(r.p50Ms());
      sums[9][i] = clamp(r.p95Ms());
      sums[10][i] = clamp(r.maxMs());
      i++;
    }
    Tuple tuple = Tuple.of(instance, check, start, hour);
    for (Integer[] column : sums) {
      tuple.addValue(column);
    }
    return tuple;
  }

  /**
   * @return the text PostgreSQL can hold: a NUL (in a banner a TCP check read, say) becomes U+FFFD, else the whole
   * batch would be refused, and refused again at every retry
   */
  static String text(String value) {
    return value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
  }

  private static int clamp(long ms) {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, ms));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Future<List<HistoryRollup>> rollups(String instance, String check, Instant from, Instant to) {
    return readRollups("vitals_history_minutes", MINUTE_MS, instance, check, from, to);
  }

  @Override
  public Future<List<HistoryRollup>> hourlyRollups(String instance, String check, Instant from, Instant to) {
    return readRollups("vitals_history_hours", HOUR_MS, instance, check, from, to);
  }

  private Future<List<HistoryRollup>> readRollups(String table, long spanMs, String instance, String check,
                                                  Instant from, Instant to) {
    int max = options.getMaxReadRows();
    Tuple args = Tuple.of(utc(from), utc(to), instance, check, (long) max + 1);
    return inOrder(false, conn -> conn.preparedQuery(String.format(SELECT_ROLLUPS, table)).execute(args)
      .compose(rows -> {
        if (rows.size() > max) {
          return Future.failedFuture(new IllegalStateException("more than " + max + " rows from " + from + " to " + to
            + " (maxReadRows); read a narrower range"));
        }
        List<HistoryRollup> read = new ArrayList<>(rows.size());
        for (Row row : rows) {
          read.add(new HistoryRollup(row.getString(0), row.getString(1), row.getOffsetDateTime(2).toInstant(), spanMs,
            row.getInteger(3), row.getInteger(4), row.getInteger(5), row.getInteger(6), row.getInteger(7),
            row.getInteger(8), row.getInteger(9), row.getInteger(10), row.getInteger(11), row.getInteger(12),
            row.getInteger(13)));
        }
        return Future.succeededFuture(read);
      }));
  }

  @Override
  public Future<List<HistoryTransition>> transitions(String instance, String check, Instant from, Instant to,
                                                     int limit) {
    if (limit <= 0) {
      return Future.failedFuture(new IllegalArgumentException("limit: expected a positive number, got '" + limit + "'"));
    }
    Tuple args = Tuple.of(utc(from), utc(to), instance, check, (long) Math.min(limit, options.getMaxReadRows()));
    return inOrder(false, conn -> conn.preparedQuery(SELECT_TRANSITIONS).execute(args).map(rows -> {
      List<HistoryTransition> read = new ArrayList<>(rows.size());
      for (Row row : rows) {
        String fromStatus = row.getString(3);
        read.add(new HistoryTransition(row.getString(0), row.getString(1),
          fromStatus == null ? null : HealthStatus.fromWireName(fromStatus), HealthStatus.fromWireName(row.getString(4)),
          row.getOffsetDateTime(2).toInstant(), row.getString(5)));
      }
      return read;
    }));
  }

  @Override
  public Future<List<String>> instances() {
    return inOrder(false, conn -> conn.query("SELECT DISTINCT instance FROM vitals_history_series ORDER BY instance")
      .execute().map(rows -> {
        List<String> names = new ArrayList<>(rows.size());
        rows.forEach(row -> names.add(row.getString(0)));
        return names;
      }));
  }

  @Override
  public Future<Long> prune(Instant transitionsBefore, Instant minutesBefore, Instant hoursBefore) {
    return pruneTable("vitals_history_transitions", "at", transitionsBefore, 0)
      .compose(n -> pruneTable("vitals_history_minutes", "start", minutesBefore, n))
      .compose(n -> pruneTable("vitals_history_hours", "start", hoursBefore, n))
      .compose(n -> inOrder(false, conn -> conn.begin().compose(tx -> conn
        .query("SELECT pg_advisory_xact_lock(" + SERIES_LOCK + ")").execute()
        .compose(locked -> conn.query(PRUNE_SERIES).execute())
        .compose(deleted -> tx.commit(), failure -> tx.rollback().transform(r -> Future.failedFuture(failure)))))
        .map(n));
  }

  /** Deletes in steps of {@link #PRUNE_STEP}, each its own operation, until a step deletes fewer. */
  private Future<Long> pruneTable(String table, String column, Instant before, long deletedSoFar) {
    Tuple args = Tuple.of(utc(before));
    return inOrder(false, conn -> conn.preparedQuery(String.format(PRUNE, table, column)).execute(args))
      .compose(rows -> rows.rowCount() < PRUNE_STEP ? Future.succeededFuture(deletedSoFar + rows.rowCount())
        : pruneTable(table, column, before, deletedSoFar + rows.rowCount()));
  }

  @Override
  public synchronized Future<Long> pruneExpired() {
    if (closed) {
      return closedFailure();
    }
    // one pruning at a time, each reading the clock when it starts
    pruning = pruning.transform(previous -> {
      Instant now = retention.getClock().instant();
      return prune(now.minusMillis(retention.getTransitionRetention()),
        now.minusMillis(retention.getMinuteRetention()), now.minusMillis(retention.getHourRetention()));
    }).andThen(done -> {
      if (done.failed()) {
        LOG.log(Level.WARNING, () -> done.cause().getMessage() + " (pruning; tried again in "
          + retention.getPruneInterval() + " ms)");
      }
    });
    return pruning;
  }

  /**
   * Runs an operation once the schema is ready: an append after the appends called before it have ended on their
   * connection, a read once they have; at most {@code maxPoolSize + maxWaitQueueSize} under way, beyond which an
   * operation fails at once (a stalled database holds no unbounded queue of callers).
   */
  private <T> Future<T> inOrder(boolean write, Function<SqlConnection, Future<T>> work) {
    return inOrder(write, options.getQueryTimeout(), work);
  }

  /** As {@link #inOrder(boolean, Function)}, with a deadline of its own, in ms. */
  private <T> Future<T> inOrder(boolean write, long deadline, Function<SqlConnection, Future<T>> work) {
    Future<Void> before;
    Promise<Void> ended = Promise.promise();
    synchronized (this) {
      if (closed) {
        return closedFailure();
      }
      int bound = options.getMaxPoolSize() + options.getMaxWaitQueueSize();
      if (underWay >= bound) {
        return Future.failedFuture(fault(new IllegalStateException(underWay + " operations already under way (maxPoolSize "
          + options.getMaxPoolSize() + " + maxWaitQueueSize " + options.getMaxWaitQueueSize() + ")")));
      }
      underWay++;
      before = writes;
      if (write) {
        // the next append starts once this one has ended on its connection, not at its deadline: two appends never
        // overlap, so an hour's sums never count a replaced minute twice
        writes = ended.future();
      }
    }
    ended.future().onComplete(done -> {
      synchronized (this) {
        underWay--;
      }
    });
    return before.transform(previous -> migrate()).transform(version -> {
      if (version.failed()) {
        ended.complete();
        return Future.failedFuture(version.cause());
      }
      return withDeadline(deadline, work, ended);
    });
  }

  /**
   * @param timeout the deadline in ms, counted from now (the wait for a connection is in it)
   * @param ended   completed once the work has ended on its connection (or never started), deadline or not
   * @return the work's outcome on a connection of the pool, failed with the store's fault, or with a timeout once
   * the deadline has passed
   */
  private <T> Future<T> withDeadline(long timeout, Function<SqlConnection, Future<T>> work, Promise<Void> ended) {
    Promise<T> outcome = Promise.promise();
    long timer = vertx.setTimer(timeout, id -> outcome.tryFail(fault(new IllegalStateException("timed out after "
      + timeout + " ms"))));
    pool.getConnection().compose(conn -> {
      if (outcome.future().isComplete()) {
        conn.close();
        return Future.<T>failedFuture("timed out");
      }
      Future<T> result;
      try {
        result = work.apply(conn);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      return result.eventually(conn::close);
    }).onComplete(done -> {
      vertx.cancelTimer(timer);
      ended.tryComplete();
      if (done.succeeded()) {
        outcome.tryComplete(done.result());
      } else {
        outcome.tryFail(fault(done.cause()));
      }
    });
    return outcome.future();
  }

  private Throwable fault(Throwable cause) {
    if (cause instanceof PgHistoryFault) {
      return cause;
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    message = SCRUBBER.scrub(message);
    if (password != null && !password.isEmpty()) {
      message = message.replace(password, Scrubber.MASK);
    }
    return new PgHistoryFault("history store " + location + ": " + message, cause);
  }

  private static <T> Future<T> closedFailure() {
    return Future.failedFuture(new IllegalStateException("history store closed"));
  }

  @Override
  public Future<Void> close() {
    Future<Void> before;
    synchronized (this) {
      if (closing != null) {
        return closing;
      }
      closed = true;
      before = writes;
      vertx.cancelTimer(pruneTimer);
      closing = before.transform(v -> pool.close()).otherwiseEmpty();
      return closing;
    }
  }

  /** A fault of the store, its message naming the store and the cause (never the password). */
  static final class PgHistoryFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PgHistoryFault(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }
}
