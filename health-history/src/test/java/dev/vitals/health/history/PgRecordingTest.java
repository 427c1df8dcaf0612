package dev.vitals.health.history;

import dev.vitals.health.CheckHistory;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.HistoryOptions;
import dev.vitals.health.HistoryRecording;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.test.PostgresServer;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Real registries recording into a real PostgreSQL through {@link PgHistoryStore}: availability that survives a
 * restart, two instances sharing one database, and PostgreSQL stopped mid-run (reports unaffected, rows held, then
 * written once it is back).
 */
class PgRecordingTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresServer server;
  private static Vertx vertx;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
  private final List<Throwable> escaped = new CopyOnWriteArrayList<>();
  private String database;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopServer() throws Exception {
    result(vertx.close());
    server.close();
  }

  @BeforeEach
  void freshDatabase() {
    database = "recording_" + DATABASES.incrementAndGet();
    Pool admin = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(server.uri(PostgresServer.PASSWORD)))
      .using(vertx).build();
    result(admin.query("CREATE DATABASE " + database).execute());
    result(admin.close());
    vertx.exceptionHandler(escaped::add);
  }

  @AfterEach
  void nothingEscaped() {
    assertThat(escaped).as("exceptions that reached Vert.x").isEmpty();
  }

  private PgHistoryStore store() {
    return PgHistoryStore.create(vertx, new HistoryStoreOptions().setType(HistoryStoreOptions.Type.POSTGRESQL)
      .setClock(clock).setPostgresql(new PgHistoryStoreOptions().setUri(server.uri(PostgresServer.PASSWORD))
        .setDatabase(database).setConnectTimeout(2_000).setQueryTimeout(5_000)));
  }

  private CheckRegistry registry(String instance, PgHistoryStore store, AtomicReference<ProcedureResult> next) {
    CheckRegistry registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock)
      .setHistory(new HistoryOptions().setInstance(instance).setBufferSize(1_000)).setHistoryStore(store));
    registry.register(new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0),
      () -> Future.succeededFuture(next.get()));
    result(registry.historyLoaded());
    return registry;
  }

  /** Runs the check every 30 s of the clock for {@code duration}, each registry in turn. */
  private void runFor(Duration duration, CheckRegistry... registries) {
    for (long s = 0; s < duration.toSeconds(); s += 30) {
      for (CheckRegistry registry : registries) {
        result(registry.report("db"));
      }
      clock.advance(Duration.ofSeconds(30));
    }
  }

  @Test
  void availabilityContinuesAcrossARestartOnTheSameDatabase() {
    AtomicReference<ProcedureResult> next = new AtomicReference<>(ProcedureResult.fail("connection refused"));
    PgHistoryStore store = store();
    CheckRegistry registry = registry("vm-1", store, next);
    runFor(Duration.ofMinutes(20), registry);
    next.set(ProcedureResult.pass("select 1: 2 ms"));
    runFor(Duration.ofMinutes(20), registry);
    result(registry.close());
    result(store.close());

    store = store();
    registry = registry("vm-1", store, next);
    assertThat(registry.historyRecording().loadedRows()).isPositive();
    runFor(Duration.ofMinutes(10), registry);
    CheckHistory history = registry.history("db");
    assertThat(history.availability().get("1h")).isCloseTo(30.0 / 50, within(1e-9));
    assertThat(history.availability().get("24h")).isCloseTo(30.0 / 50, within(1e-9));
    assertThat(history.availability().get("30d")).isCloseTo(30.0 / 50, within(1e-9));
    result(registry.close());
    result(store.close());
  }

  @Test
  void twoInstancesRecordIntoOneDatabaseAndEachReadsBoth() {
    AtomicReference<ProcedureResult> failing = new AtomicReference<>(ProcedureResult.fail("connection refused"));
    AtomicReference<ProcedureResult> passing = new AtomicReference<>(ProcedureResult.pass("select 1: 2 ms"));
    PgHistoryStore storeOne = store();
    PgHistoryStore storeTwo = store();
    CheckRegistry one = registry("vm-1", storeOne, failing);
    CheckRegistry two = registry("vm-2", storeTwo, passing);
    runFor(Duration.ofMinutes(15), one, two);
    result(one.flushHistory());
    result(two.flushHistory());

    Instant from = clock.instant().minus(Duration.ofHours(1));
    for (PgHistoryStore store : List.of(storeOne, storeTwo)) {
      assertThat(result(store.instances())).containsExactly("vm-1", "vm-2");
      List<HistoryRollup> all = result(store.rollups(null, "db", from, clock.instant()));
      assertThat(all).extracting(HistoryRollup::instance).containsOnly("vm-1", "vm-2");
      List<HistoryRollup> rowsOne = all.stream().filter(r -> r.instance().equals("vm-1")).toList();
      List<HistoryRollup> rowsTwo = all.stream().filter(r -> r.instance().equals("vm-2")).toList();
      // the finished minutes of the 15 (the one ending now may wait for the next flush)
      assertThat(rowsOne).hasSizeBetween(14, 15);
      assertThat(rowsTwo).hasSameSizeAs(rowsOne);
      assertThat(rowsOne).allSatisfy(r -> assertThat(r.observedMs()).isEqualTo(60_000))
        .allSatisfy(r -> assertThat(r.availableMs()).isZero());
      assertThat(rowsTwo).allSatisfy(r -> assertThat(r.availableMs()).isEqualTo(60_000));
      assertThat(result(store.transitions(null, "db", from, clock.instant(), 10)))
        .extracting(t -> t.instance() + ":" + t.to().wireName()).containsExactlyInAnyOrder("vm-1:fail", "vm-2:pass");
    }
    // each reads back its own rows at start: vm-2's availability is not vm-1's
    assertThat(one.history("db").availability().get("1h")).isZero();
    assertThat(two.history("db").availability().get("1h")).isEqualTo(1.0);
    result(one.close());
    result(two.close());
    result(storeOne.close());
    result(storeTwo.close());
  }

  @Test
  void postgresqlStoppedMidRunLeavesReportsAloneAndItsRowsAreWrittenOnceItIsBack() throws Exception {
    AtomicReference<ProcedureResult> next = new AtomicReference<>(ProcedureResult.pass("select 1: 2 ms"));
    PgHistoryStore store = store();
    CheckRegistry registry = registry("vm-1", store, next);
    runFor(Duration.ofMinutes(5), registry);
    result(registry.flushHistory());
    server.stop();
    try {
      runFor(Duration.ofMinutes(10), registry);
      Future<Void> flushed = registry.flushHistory();
      long started = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        assertThat(result(registry.report("db")).status()).isEqualTo(HealthStatus.PASS);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("reports while the write fails")
        .isLessThan(Duration.ofMillis(500));
      assertThat(failure(flushed)).hasMessageStartingWith("history store postgresql://127.0.0.1:" + server.port()
        + "/" + database + ": ").hasMessageContaining("refused");
      HistoryRecording held = registry.historyRecording();
      assertThat(held.buffered()).as("the minutes of the outage, held").isBetween(10, 11);
      assertThat(held.fault()).contains("refused").doesNotContain(PostgresServer.PASSWORD);
      assertThat(held.dropped()).isZero();
    } finally {
      server.startAgain();
    }
    result(registry.flushHistory());
    HistoryRecording written = registry.historyRecording();
    assertThat(written.buffered()).isZero();
    assertThat(written.fault()).isNull();
    // every minute there, those of the outage included: no hole
    List<HistoryRollup> rows = result(store.rollups("vm-1", "db", Instant.EPOCH, clock.instant()));
    assertThat(rows).hasSizeBetween(14, 15);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).start()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z").plus(Duration.ofMinutes(i)));
      assertThat(rows.get(i).availableMs()).isEqualTo(60_000);
    }
    result(registry.close());
    result(store.close());
  }

  @Test
  void aRegistryStartsWithPostgresqlDownAndMigratesAndWritesOnceItIsUp() throws Exception {
    AtomicReference<ProcedureResult> next = new AtomicReference<>(ProcedureResult.pass("select 1: 2 ms"));
    server.stop();
    PgHistoryStore store;
    CheckRegistry registry;
    try {
      store = store();
      registry = registry("vm-1", store, next); // historyLoaded completes: the read failed, and says so
      HistoryRecording loaded = registry.historyRecording();
      assertThat(loaded.loaded()).isTrue();
      assertThat(loaded.fault()).contains("history store postgresql://").contains("refused");
      runFor(Duration.ofMinutes(3), registry);
      assertThat(result(registry.report("db")).status()).isEqualTo(HealthStatus.PASS);
      assertThat(failure(registry.flushHistory())).hasMessageContaining("refused");
    } finally {
      server.startAgain();
    }
    result(registry.flushHistory()); // migrates, then writes what was held
    assertThat(result(store.migrate())).isEqualTo(1);
    assertThat(result(store.rollups("vm-1", "db", Instant.EPOCH, clock.instant()))).hasSizeBetween(2, 3);
    result(registry.close());
    result(store.close());
  }
}
