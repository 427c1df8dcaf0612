package dev.vitals.health.history;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.HistoryTransition;
import dev.vitals.health.checks.test.PostgresServer;
import dev.vitals.health.history.impl.PgSchema;
import dev.vitals.health.test.Await;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PgHistoryStore} against a real PostgreSQL (health-checks' {@link PostgresServer} fixture), a database of its
 * own per test: rows written and read back, hours kept beside minutes, pruning by the clock, a restart, two
 * instances on one database, migrations raced, an outage and a timeout.
 */
class PgHistoryStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static PostgresServer server;
  private static Vertx vertx;
  private static Pool admin;

  private final List<Throwable> escaped = new CopyOnWriteArrayList<>();
  private final List<HistoryStore> stores = new ArrayList<>();
  private MutableClock clock;
  private String database;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
    vertx = Vertx.vertx();
    admin = pool("postgres");
  }

  @AfterAll
  static void stopServer() throws Exception {
    Await.result(admin.close());
    Await.result(vertx.close());
    server.close();
  }

  private static Pool pool(String db) {
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
      .connectingTo(PgConnectOptions.fromUri(server.uri(PostgresServer.PASSWORD)).setDatabase(db))
      .using(vertx).build();
  }

  @BeforeEach
  void freshDatabase() {
    database = "history_" + DATABASES.incrementAndGet();
    Await.result(admin.query("CREATE DATABASE " + database).execute());
    clock = new MutableClock(T0);
    vertx.exceptionHandler(escaped::add);
  }

  @AfterEach
  void closeStores() {
    stores.forEach(store -> Await.result(store.close()));
    assertThat(escaped).as("exceptions that reached Vert.x").isEmpty();
  }

  /** Where this test's database is, with the defaults otherwise. */
  private PgHistoryStoreOptions options() {
    return new PgHistoryStoreOptions().setUri(server.uri(PostgresServer.PASSWORD)).setDatabase(database);
  }

  /** The store's options as the standalone's {@code history.store} gives them: the test's clock, these. */
  private HistoryStoreOptions storeOptions(PgHistoryStoreOptions connection) {
    return new HistoryStoreOptions().setType(HistoryStoreOptions.Type.POSTGRESQL).setClock(clock)
      .setPostgresql(connection);
  }

  private PgHistoryStore store(PgHistoryStoreOptions connection) {
    return store(storeOptions(connection));
  }

  private PgHistoryStore store(HistoryStoreOptions options) {
    PgHistoryStore store = PgHistoryStore.create(vertx, options);
    stores.add(store);
    return store;
  }

  private <T> List<T> sql(String statement, java.util.function.Function<Row, T> column) {
    Pool pool = pool(database);
    try {
      List<T> values = new ArrayList<>();
      Await.result(pool.query(statement).execute()).forEach(row -> values.add(column.apply(row)));
      return values;
    } finally {
      Await.result(pool.close());
    }
  }

  /** A minute where the check passed for {@code availableMs} of 60 s, with two runs. */
  private static HistoryRollup minute(String instance, String check, Instant start, long availableMs) {
    int fails = availableMs == 60_000 ? 0 : 1;
    return new HistoryRollup(instance, check, start, HistoryStore.MINUTE_MS, 2, 2 - fails, 0, fails, availableMs, 0,
      60_000, 0, 3, 9, 9 + fails);
  }

  private static List<HistoryRollup> minutes(String instance, String check, Instant from, int count, long availableMs) {
    List<HistoryRollup> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(minute(instance, check, from.plus(Duration.ofMinutes(i)), availableMs));
    }
    return rows;
  }

  private static long available(List<HistoryRollup> rows) {
    return rows.stream().mapToLong(HistoryRollup::availableMs).sum();
  }

  private static long observed(List<HistoryRollup> rows) {
    return rows.stream().mapToLong(HistoryRollup::observedMs).sum();
  }

  @Test
  void appendsReadsAndPrunesByTheClock() {
    PgHistoryStore store = store(storeOptions(options()).setMinuteRetention(Duration.ofDays(2).toMillis()));
    assertThat(Await.result(store.migrate())).isEqualTo(PgSchema.LATEST);
    // 3 hours of minutes: the first hour up, then 30 minutes down, then up again
    List<HistoryRollup> rows = new ArrayList<>(minutes("vm-1", "db", T0, 60, 60_000));
    rows.addAll(minutes("vm-1", "db", T0.plus(Duration.ofMinutes(60)), 30, 0));
    rows.addAll(minutes("vm-1", "db", T0.plus(Duration.ofMinutes(90)), 90, 60_000));
    rows.addAll(minutes("vm-1", "cache", T0, 180, 60_000));
    List<HistoryTransition> transitions = List.of(
      new HistoryTransition("vm-1", "db", null, HealthStatus.PASS, T0, "select 1: 2 ms"),
      new HistoryTransition("vm-1", "db", HealthStatus.PASS, HealthStatus.FAIL, T0.plus(Duration.ofMinutes(60)),
        "connection refused"),
      new HistoryTransition("vm-1", "db", HealthStatus.FAIL, HealthStatus.PASS, T0.plus(Duration.ofMinutes(90)),
        "select 1: 3 ms"));
    Await.result(store.append(transitions, rows));

    Instant end = T0.plus(Duration.ofHours(3));
    List<HistoryRollup> db = Await.result(store.rollups("vm-1", "db", T0, end));
    assertThat(db).hasSize(180);
    assertThat(db.get(0)).isEqualTo(minute("vm-1", "db", T0, 60_000));
    assertThat(available(db)).isEqualTo(150 * 60_000L);
    assertThat(Await.result(store.rollups(null, null, T0, end))).hasSize(360)
      .isSortedAccordingTo(java.util.Comparator.comparing(HistoryRollup::start).thenComparing(HistoryRollup::check));
    List<HistoryRollup> hours = Await.result(store.hourlyRollups("vm-1", "db", T0, end));
    assertThat(hours).extracting(HistoryRollup::spanMs).containsOnly(HistoryStore.HOUR_MS);
    assertThat(hours).extracting(HistoryRollup::availableMs).containsExactly(3_600_000L, 1_800_000L, 3_600_000L);
    assertThat(hours).extracting(HistoryRollup::runs).containsExactly(120, 120, 120);
    assertThat(hours.get(1).fails()).isEqualTo(30);
    assertThat(hours.get(1).maxMs()).isEqualTo(10);

    // a minute written again (a retry, or a minute completed later) replaces it, and its hour counts it once
    Instant replaced = T0.plus(Duration.ofMinutes(75));
    Await.result(store.append(List.of(), List.of(minute("vm-1", "db", replaced, 60_000))));
    Await.result(store.append(List.of(), List.of(minute("vm-1", "db", replaced, 60_000))));
    assertThat(Await.result(store.hourlyRollups("vm-1", "db", T0, end))).extracting(HistoryRollup::availableMs)
      .containsExactly(3_600_000L, 1_860_000L, 3_600_000L);
    assertThat(Await.result(store.rollups("vm-1", "db", replaced, replaced.plusSeconds(60))))
      .containsExactly(minute("vm-1", "db", replaced, 60_000));

    assertThat(Await.result(store.transitions("vm-1", "db", T0, end, 2))).extracting(HistoryTransition::to)
      .containsExactly(HealthStatus.FAIL, HealthStatus.PASS);
    assertThat(Await.result(store.transitions(null, null, T0, end, 10))).containsExactlyElementsOf(transitions);
    Await.result(store.append(transitions, List.of())); // a retry of transitions already written adds none
    assertThat(Await.result(store.transitions(null, null, T0, end, 10))).hasSize(3);
    assertThat(Await.failure(store.transitions(null, null, T0, end, 0)))
      .hasMessage("limit: expected a positive number, got '0'");
    assertThat(Await.result(store.instances())).containsExactly("vm-1");

    // 3 days later (minutes kept 2 days): minutes gone, hours and transitions kept
    clock.advance(Duration.ofDays(3));
    assertThat(Await.result(store.pruneExpired())).isEqualTo(360);
    assertThat(Await.result(store.rollups(null, null, T0, end))).isEmpty();
    assertThat(Await.result(store.hourlyRollups(null, null, T0, end))).hasSize(6);
    assertThat(Await.result(store.transitions(null, null, T0, end, 10))).hasSize(3);
    assertThat(Await.result(store.instances())).containsExactly("vm-1");

    // 91 days: hours and transitions gone, and the instance with them
    clock.advance(Duration.ofDays(88));
    assertThat(Await.result(store.pruneExpired())).isEqualTo(9);
    assertThat(Await.result(store.hourlyRollups(null, null, T0, end))).isEmpty();
    assertThat(Await.result(store.transitions(null, null, T0, end, 10))).isEmpty();
    assertThat(Await.result(store.instances())).isEmpty();
  }

  @Test
  void anOutputPostgresqlCannotHoldIsWrittenRatherThanRefusedForever() {
    PgHistoryStore store = store(options());
    // a NUL in text is refused by PostgreSQL: as it was, the batch would fail at every retry of the registry
    Await.result(store.append(List.of(new HistoryTransition("vm-1", "tcp\0check", null, HealthStatus.FAIL, T0,
      "banner: SSH-2.0\0\0")), minutes("vm-1", "tcp\0check", T0, 1, 0)));
    assertThat(Await.result(store.transitions("vm-1", null, T0, T0.plusSeconds(60), 10)))
      .extracting(HistoryTransition::check, HistoryTransition::output)
      .containsExactly(org.assertj.core.groups.Tuple.tuple("tcp\uFFFDcheck", "banner: SSH-2.0\uFFFD\uFFFD"));
    assertThat(Await.result(store.rollups("vm-1", null, T0, T0.plusSeconds(60)))).hasSize(1);
  }

  @Test
  void pruningDeletesInStepsOfBoundedSize() {
    PgHistoryStore store = store(storeOptions(options()).setMinuteRetention(3_600_000L));
    Await.result(store.append(List.of(), minutes("vm-1", "db", T0, 12_345, 60_000)));
    clock.advance(Duration.ofDays(30));
    assertThat(Await.result(store.pruneExpired())).isEqualTo(12_345);
    assertThat(sql("SELECT count(*) FROM vitals_history_minutes", row -> row.getLong(0))).containsExactly(0L);
    // the hours stay, their sums whole
    assertThat(observed(Await.result(store.hourlyRollups("vm-1", "db", T0, clock.instant()))))
      .isEqualTo(12_345 * 60_000L);
  }

  @Test
  void aNewStoreOnTheSameDatabaseGoesOnWhereTheLastOneStopped() {
    PgHistoryStore first = store(options());
    // 90 minutes, 30 of them down, then the process stops halfway through an hour
    List<HistoryRollup> before = new ArrayList<>(minutes("vm-1", "db", T0, 60, 60_000));
    before.addAll(minutes("vm-1", "db", T0.plus(Duration.ofMinutes(60)), 30, 0));
    Await.result(first.append(List.of(new HistoryTransition("vm-1", "db", null, HealthStatus.PASS, T0, "ok")), before));
    Await.result(first.close());
    assertThat(Await.failure(first.rollups(null, null, T0, T0.plusSeconds(60)))).hasMessage("history store closed");

    PgHistoryStore second = store(options());
    assertThat(Await.result(second.migrate())).isEqualTo(PgSchema.LATEST);
    assertThat(sql("SELECT version FROM " + PgSchema.VERSION_TABLE, row -> row.getInteger(0)))
      .as("migrated once").containsExactly(1);
    Instant end = T0.plus(Duration.ofHours(2));
    List<HistoryRollup> hours = Await.result(second.hourlyRollups("vm-1", null, T0, end));
    assertThat(available(hours)).isEqualTo(60 * 60_000L);
    assertThat(observed(hours)).isEqualTo(90 * 60_000L);

    // the restarted process goes on: 30 more minutes up complete the second hour
    Await.result(second.append(List.of(), minutes("vm-1", "db", T0.plus(Duration.ofMinutes(90)), 30, 60_000)));
    hours = Await.result(second.hourlyRollups("vm-1", null, T0, end));
    assertThat(hours).extracting(HistoryRollup::availableMs).containsExactly(3_600_000L, 1_800_000L);
    assertThat(hours).extracting(HistoryRollup::observedMs).containsExactly(3_600_000L, 3_600_000L);
    assertThat((double) available(hours) / observed(hours)).isEqualTo(0.75);
    assertThat(Await.result(second.transitions("vm-1", "db", T0, end, 10))).hasSize(1);
  }

  @Test
  void twoInstancesWriteTheirOwnRowsAndEachReadsBoth() {
    PgHistoryStore one = store(options());
    PgHistoryStore two = store(options());
    Instant end = T0.plus(Duration.ofMinutes(10));
    Future<Void> a = one.append(List.of(new HistoryTransition("vm-1", "db", null, HealthStatus.PASS, T0, "up")),
      minutes("vm-1", "db", T0, 10, 60_000));
    Future<Void> b = two.append(List.of(new HistoryTransition("vm-2", "db", null, HealthStatus.FAIL, T0, "down")),
      minutes("vm-2", "db", T0, 10, 0));
    Await.result(Future.all(a, b));

    for (PgHistoryStore store : List.of(one, two)) {
      assertThat(Await.result(store.instances())).containsExactly("vm-1", "vm-2");
      assertThat(available(Await.result(store.rollups("vm-1", "db", T0, end)))).isEqualTo(600_000);
      assertThat(available(Await.result(store.rollups("vm-2", "db", T0, end)))).isZero();
      assertThat(Await.result(store.rollups(null, "db", T0, end))).hasSize(20);
      assertThat(Await.result(store.hourlyRollups(null, "db", T0, end))).extracting(HistoryRollup::instance)
        .containsExactly("vm-1", "vm-2");
      assertThat(Await.result(store.transitions(null, null, T0, end, 10)))
        .extracting(t -> t.instance() + ":" + t.to().wireName()).containsExactly("vm-1:pass", "vm-2:fail");
    }
  }

  @Test
  void storesStartingTogetherMigrateOnceUnderTheAdvisoryLock() {
    // another starter holds the migration lock: every store waits for it, none creates a table meanwhile
    Pool holder = pool(database);
    SqlConnection held = Await.result(holder.getConnection());
    Transaction tx = Await.result(held.begin());
    Await.result(held.query("SELECT pg_advisory_xact_lock(" + PgSchema.MIGRATION_LOCK + ")").execute());
    List<PgHistoryStore> starting = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      starting.add(store(options().setMaxPoolSize(1)));
    }
    Await.poll(() -> sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
        row -> row.getLong(0)).get(0), waiting -> waiting == 4, waiting -> waiting + " stores waiting for the lock");
    assertThat(starting).allSatisfy(store -> assertThat(store.migrate().isComplete()).isFalse());
    assertThat(sql("SELECT to_regclass('" + PgSchema.VERSION_TABLE + "') IS NULL", row -> row.getBoolean(0)))
      .containsExactly(true);
    Await.result(tx.commit());
    Await.result(held.close());
    Await.result(holder.close());

    assertThat(starting).allSatisfy(store -> assertThat(Await.result(store.migrate())).isEqualTo(PgSchema.LATEST));
    assertThat(sql("SELECT version FROM " + PgSchema.VERSION_TABLE, row -> row.getInteger(0))).containsExactly(1);

    // and with nobody holding it: four more, on a fresh database, at once
    database = "history_" + DATABASES.incrementAndGet();
    Await.result(admin.query("CREATE DATABASE " + database).execute());
    List<Future<Integer>> racing = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      racing.add(store(options().setMaxPoolSize(1)).migrate());
    }
    assertThat(racing).allSatisfy(migrated -> assertThat(Await.result(migrated)).isEqualTo(PgSchema.LATEST));
    assertThat(sql("SELECT version FROM " + PgSchema.VERSION_TABLE, row -> row.getInteger(0))).containsExactly(1);
  }

  @Test
  void aSchemaNewerThanThisCodeFailsEveryOperationClearly() {
    Await.result(store(options()).migrate());
    sql("INSERT INTO " + PgSchema.VERSION_TABLE + " (version, description) VALUES (99, 'from the future')"
      + " RETURNING version", row -> row.getInteger(0));
    PgHistoryStore newer = store(options());
    assertThat(Await.failure(newer.append(List.of(), minutes("vm-1", "db", T0, 1, 60_000)))).hasMessage(
      "history store postgresql://127.0.0.1:" + server.port() + "/" + database
        + ": schema version 99 is newer than this Vitals knows (" + PgSchema.LATEST + ")");
  }

  @Test
  void anOutageFailsTheFuturesAndWritesGoOnOnceTheServerIsBack() throws Exception {
    PgHistoryStore store = store(options().setConnectTimeout(2_000).setQueryTimeout(5_000));
    Await.result(store.append(List.of(), minutes("vm-1", "db", T0, 1, 60_000)));
    server.stop();
    try {
      List<HistoryRollup> held = minutes("vm-1", "db", T0.plusSeconds(60), 5, 30_000);
      Throwable down = Await.failure(store.append(List.of(), held));
      assertThat(down.getMessage()).startsWith("history store postgresql://127.0.0.1:" + server.port() + "/"
        + database + ": ").doesNotContain(PostgresServer.PASSWORD);
      assertThat(Await.failure(store.instances()).getMessage()).startsWith("history store postgresql://");
      assertThat(Await.failure(store.pruneExpired()).getMessage()).startsWith("history store postgresql://");
      server.startAgain();
      // the registry writes what it held: the same rows, once the server answers
      Await.result(store.append(List.of(), held));
    } finally {
      if (!serverUp()) {
        server.startAgain();
      }
    }
    List<HistoryRollup> read = Await.result(store.rollups("vm-1", "db", T0, T0.plus(Duration.ofHours(1))));
    assertThat(read).hasSize(6);
    assertThat(available(Await.result(store.hourlyRollups("vm-1", "db", T0, T0.plus(Duration.ofHours(1))))))
      .isEqualTo(60_000 + 5 * 30_000);
  }

  private static boolean serverUp() {
    try {
      Await.result(admin.query("SELECT 1").execute());
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  @Test
  void anOperationPastTheQueryTimeoutFailsAndTheNextOneWorks() {
    PgHistoryStore store = store(options().setQueryTimeout(300));
    Await.result(store.append(List.of(), minutes("vm-1", "db", T0, 1, 60_000)));
    Pool holder = pool(database);
    SqlConnection locker = Await.result(holder.getConnection());
    Transaction tx = Await.result(locker.begin());
    Await.result(locker.query("LOCK TABLE vitals_history_minutes IN ACCESS EXCLUSIVE MODE").execute());
    try {
      Throwable late = Await.failure(store.append(List.of(), minutes("vm-1", "db", T0.plusSeconds(60), 1, 60_000)));
      assertThat(late.getMessage()).startsWith("history store postgresql://").satisfiesAnyOf(
        m -> assertThat(m).contains("timed out after 300 ms"),
        m -> assertThat(m).contains("canceling statement due to statement timeout"));
    } finally {
      Await.result(tx.rollback());
      Await.result(locker.close());
      Await.result(holder.close());
    }
    Await.result(store.append(List.of(), minutes("vm-1", "db", T0.plusSeconds(60), 1, 60_000)));
    assertThat(Await.result(store.rollups("vm-1", "db", T0, T0.plusSeconds(120)))).hasSize(2);
  }

  @Test
  void aBacklogTooBigForOneStatementsTimeoutIsWrittenInOneTransactionOfSeveral() {
    // what a registry of 2,000 checks holds after an hour of outage: one statement of it all takes longer than a
    // statement_timeout of 1 s (about 3 s here), and would fail again at every retry; one of 5,000 rows, 0.1 s
    PgHistoryStore store = store(options().setQueryTimeout(1_000));
    List<HistoryRollup> backlog = new ArrayList<>();
    for (int c = 0; c < 2_000; c++) {
      backlog.addAll(minutes("vm-1", "check-" + c, T0, 60, 60_000));
    }
    Await.result(store.append(List.of(), backlog));
    Instant end = T0.plus(Duration.ofHours(1));
    assertThat(sql("SELECT count(*), sum(available_ms) FROM vitals_history_minutes", row -> row.getLong(0) + " "
      + row.getLong(1))).containsExactly("120000 " + 120_000L * 60_000);
    assertThat(Await.result(store.hourlyRollups("vm-1", "check-7", T0, end))).extracting(HistoryRollup::observedMs)
      .containsExactly(3_600_000L);
  }

  @Test
  void aStalledDatabaseHoldsNoUnboundedQueueOfOperations() {
    PgHistoryStore store = store(options().setMaxPoolSize(1).setMaxWaitQueueSize(2).setQueryTimeout(5_000));
    Await.result(store.append(List.of(), minutes("vm-1", "db", T0, 1, 60_000)));
    Pool holder = pool(database);
    SqlConnection locker = Await.result(holder.getConnection());
    Transaction tx = Await.result(locker.begin());
    Await.result(locker.query("LOCK TABLE vitals_history_minutes IN ACCESS EXCLUSIVE MODE").execute());
    List<Future<?>> waiting = new ArrayList<>();
    try {
      waiting.add(store.append(List.of(), minutes("vm-1", "db", T0.plusSeconds(60), 1, 60_000))); // stuck on the lock
      waiting.add(store.rollups("vm-1", "db", T0, T0.plusSeconds(120))); // behind it
      waiting.add(store.instances()); // behind it
      assertThat(Await.failure(store.instances())).hasMessageEndingWith(
        ": 3 operations already under way (maxPoolSize 1 + maxWaitQueueSize 2)");
    } finally {
      Await.result(tx.rollback());
      Await.result(locker.close());
      Await.result(holder.close());
    }
    waiting.forEach(Await::result);
    assertThat(Await.result(store.instances())).containsExactly("vm-1");
  }

  @Test
  void theStoreKeepsToItsPoolAndItsReadBound() {
    PgHistoryStore store = store(options().setMaxPoolSize(2).setMaxReadRows(100));
    Await.result(store.append(List.of(), minutes("vm-1", "db", T0, 101, 60_000)));
    List<Future<List<HistoryRollup>>> reads = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      reads.add(store.rollups("vm-1", "db", T0, T0.plus(Duration.ofMinutes(100))));
    }
    reads.forEach(read -> assertThat(Await.result(read)).hasSize(100));
    assertThat(sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'vitals-history'"
      + " AND datname = current_database()", row -> row.getLong(0)).get(0)).isBetween(1L, 2L);
    assertThat(Await.failure(store.rollups("vm-1", "db", T0, T0.plus(Duration.ofMinutes(101)))).getMessage())
      .endsWith("more than 100 rows from " + T0 + " to " + T0.plus(Duration.ofMinutes(101))
        + " (maxReadRows); read a narrower range");
  }

  @Test
  void theOptionsNameTheFieldAndNeverShowThePassword() {
    // as the standalone's history.store reads them: the store's keys and PostgreSQL's side by side
    HistoryStoreOptions options = new HistoryStoreOptions(new JsonObject().put("type", "postgresql")
      .put("uri", "postgresql://vitals:s3cret@db:5432/vitals").put("password", "s3cret").put("queryTimeout", "2s")
      .put("minuteRetention", "24h"));
    assertThat(options.getType()).isEqualTo(HistoryStoreOptions.Type.POSTGRESQL);
    assertThat(options.getPostgresql().getQueryTimeout()).isEqualTo(2_000);
    assertThat(options.getPostgresql().getUri()).isEqualTo("postgresql://vitals:s3cret@db:5432/vitals");
    assertThat(options.getMinuteRetention()).isEqualTo(24 * 3_600_000L);
    assertThat(options.toString()).doesNotContain("s3cret").contains("postgresql://vitals:")
      .contains("\"queryTimeout\":2000");
    assertThat(options.getPostgresql().toString()).doesNotContain("s3cret");
    assertThat(new HistoryStoreOptions(options.toJson()).getPostgresql().getPassword()).isEqualTo("s3cret");
    assertThatThrownBy(() -> new HistoryStoreOptions(new JsonObject().put("uri", "postgresql://db/x")))
      .hasMessage("uri: only with type postgresql, got type 'sqlite'");
    assertThatThrownBy(() -> new HistoryStoreOptions(new JsonObject().put("type", "postgresql")
      .put("uri", "mysql://u:s3cret@db/x")))
      .hasMessage("uri: expected postgresql://user:password@host:port/database, got 'mysql://u:********@db/x'");
    assertThatThrownBy(() -> new PgHistoryStoreOptions().setMaxPoolSize(0))
      .hasMessage("maxPoolSize: expected 1 to 100, got '0'");
    assertThatThrownBy(() -> new HistoryStoreOptions(new JsonObject().put("type", "postgresql").put("pool", 3)))
      .hasMessageStartingWith("pool: unknown field");
    JsonObject properties = HistoryStoreOptions.schema().getJsonObject("properties");
    assertThat(properties.getJsonObject("password").getBoolean("writeOnly")).isTrue();
    assertThat(properties.getJsonObject("queryTimeout").getString("default")).isEqualTo("10s");
    assertThat(properties.getJsonObject("type").toString()).contains("postgresql");

    PgHistoryStore wrong = store(options().setPassword("not-" + PostgresServer.PASSWORD));
    assertThat(Await.failure(wrong.migrate()).getMessage()).startsWith("history store postgresql://")
      .contains("password authentication failed").doesNotContain(PostgresServer.PASSWORD);
  }
}
