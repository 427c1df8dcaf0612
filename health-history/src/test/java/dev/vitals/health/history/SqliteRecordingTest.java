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
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A registry recording into the SQLite file: across a restart, and through an outage of the file. */
@ExtendWith(VertxExtension.class)
class SqliteRecordingTest {

  @TempDir
  Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
  private final AtomicReference<ProcedureResult> next = new AtomicReference<>(ProcedureResult.pass("ok"));

  private CheckRegistry registry(Vertx vertx, SqliteHistoryStore store) {
    CheckRegistry registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock)
      .setHistory(new HistoryOptions().setInstance("vm-1").setBufferSize(1_000)).setHistoryStore(store));
    registry.register(new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0),
      () -> Future.succeededFuture(next.get()));
    result(registry.historyLoaded());
    return registry;
  }

  private void runFor(CheckRegistry registry, ProcedureResult result, Duration duration) {
    next.set(result);
    for (long s = 0; s < duration.toSeconds(); s += 30) {
      result(registry.report("db"));
      clock.advance(Duration.ofSeconds(30));
    }
  }

  @Test
  void availabilityContinuesAcrossARestartOnTheSameFile(Vertx vertx) {
    HistoryStoreOptions options = new HistoryStoreOptions().setPath(dir.resolve("h.db").toString()).setClock(clock);
    SqliteHistoryStore store = result(SqliteHistoryStore.open(vertx, options));
    CheckRegistry registry = registry(vertx, store);
    runFor(registry, ProcedureResult.fail("refused"), Duration.ofMinutes(20));
    runFor(registry, ProcedureResult.pass("ok"), Duration.ofMinutes(20));
    result(registry.close());
    result(store.close());

    store = result(SqliteHistoryStore.open(vertx, options));
    registry = registry(vertx, store);
    runFor(registry, ProcedureResult.pass("ok"), Duration.ofMinutes(10));
    CheckHistory history = registry.history("db");
    assertThat(history.availability().get("1h")).isCloseTo(30.0 / 50, within(1e-9));
    assertThat(history.availability().get("24h")).isCloseTo(30.0 / 50, within(1e-9));
    assertThat(history.availability().get("30d")).isCloseTo(30.0 / 50, within(1e-9));
    result(registry.close());
    result(store.close());
  }

  @Test
  void aLockedFileNeitherFailsNorSlowsReportsAndItsRowsAreWrittenOnceItIsFree(Vertx vertx) throws Exception {
    Path file = dir.resolve("h.db");
    SqliteHistoryStore store = result(SqliteHistoryStore.open(vertx,
      new HistoryStoreOptions().setPath(file.toString()).setClock(clock)));
    CheckRegistry registry = registry(vertx, store);
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
         Statement lock = other.createStatement()) {
      lock.execute("BEGIN EXCLUSIVE"); // another process holds the file: every write waits 5 s, then fails
      runFor(registry, ProcedureResult.pass("ok"), Duration.ofMinutes(10));
      Future<Void> flushed = registry.flushHistory();
      long started = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        assertThat(result(registry.report("db")).status()).isEqualTo(HealthStatus.PASS);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("reports while the write waits")
        .isLessThan(Duration.ofMillis(500));
      assertThat(failure(flushed)).hasMessageStartingWith("history store " + file + ": ")
        .hasMessageContaining("locked");
      HistoryRecording held = registry.historyRecording();
      assertThat(held.buffered()).isEqualTo(11); // the first transition, 10 minutes
      assertThat(held.fault()).contains("locked");
      lock.execute("ROLLBACK");
    }
    result(registry.flushHistory());
    assertThat(registry.historyRecording().buffered()).isZero();
    List<HistoryRollup> rows = result(store.rollups("vm-1", "db", Instant.EPOCH, clock.instant()));
    assertThat(rows).hasSize(10);
    result(registry.close());
    result(store.close());
  }
}
