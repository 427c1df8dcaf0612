package dev.vitals.health.history;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.HistoryTransition;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** The SQLite file store on a real file: append, read, prune on an injected clock, migration, faults. */
@ExtendWith(VertxExtension.class)
class SqliteHistoryStoreTest {

  @TempDir
  Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));

  private SqliteHistoryStore open(Vertx vertx, Path file) {
    return result(SqliteHistoryStore.open(vertx, new HistoryStoreOptions().setPath(file.toString()).setClock(clock)));
  }

  static HistoryRollup minute(String instance, String check, Instant start, int fails, long availableMs) {
    return new HistoryRollup(instance, check, start, HistoryStore.MINUTE_MS, 2, 2 - fails, 0, fails, availableMs, 0,
      60_000, 0, 3, 9, 12);
  }

  @Test
  void appendsReadsBackAndKeepsHourlySums(Vertx vertx) {
    SqliteHistoryStore store = open(vertx, dir.resolve("h.db"));
    Instant t0 = clock.instant();
    List<HistoryRollup> rows = new ArrayList<>();
    for (int m = 0; m < 90; m++) {
      rows.add(minute("vm-1", "db", t0.plusSeconds(60L * m), m < 30 ? 2 : 0, m < 30 ? 0 : 60_000));
      rows.add(minute("vm-2", "db", t0.plusSeconds(60L * m), 0, 60_000));
    }
    List<HistoryTransition> changes = List.of(
      new HistoryTransition("vm-1", "db", null, HealthStatus.FAIL, t0, "refused"),
      new HistoryTransition("vm-1", "db", HealthStatus.FAIL, HealthStatus.PASS, t0.plusSeconds(1800), "ok"));
    result(store.append(changes, rows));

    assertThat(result(store.instances())).containsExactly("vm-1", "vm-2");
    List<HistoryRollup> minutes = result(store.rollups("vm-1", "db", t0, t0.plusSeconds(3600)));
    assertThat(minutes).hasSize(60).first().isEqualTo(rows.get(0));
    assertThat(result(store.rollups(null, "db", t0, t0.plusSeconds(60)))).extracting(HistoryRollup::instance)
      .containsExactly("vm-1", "vm-2");
    List<HistoryRollup> hours = result(store.hourlyRollups("vm-1", null, t0, t0.plusSeconds(7200)));
    assertThat(hours).hasSize(2);
    assertThat(hours.get(0).observedMs()).isEqualTo(3_600_000);
    assertThat(hours.get(0).availableMs()).isEqualTo(30 * 60_000);
    assertThat(hours.get(0).runs()).isEqualTo(120);
    assertThat(hours.get(0).fails()).isEqualTo(60);
    assertThat(hours.get(0).maxMs()).isEqualTo(12);
    assertThat(hours.get(1).observedMs()).isEqualTo(30 * 60_000);

    // A minute written again (a retry) replaces the row, and its hour's sums follow.
    result(store.append(List.of(), List.of(minute("vm-1", "db", t0, 0, 60_000))));
    assertThat(result(store.hourlyRollups("vm-1", "db", t0, t0.plusSeconds(3600))).get(0).availableMs())
      .isEqualTo(31 * 60_000);
    assertThat(result(store.rollups("vm-1", "db", t0, t0.plusSeconds(3600)))).hasSize(60);

    assertThat(result(store.transitions("vm-1", "db", t0, t0.plusSeconds(3600), 10)))
      .extracting(HistoryTransition::to).containsExactly(HealthStatus.FAIL, HealthStatus.PASS);
    assertThat(result(store.transitions(null, null, t0, t0.plusSeconds(3600), 1)))
      .as("the newest, when limited").extracting(HistoryTransition::output).containsExactly("ok");
    assertThat(result(store.transitions("vm-1", "db", t0, t0.plusSeconds(3600), 10)).get(0).from()).isNull();
    assertThat(failure(store.transitions(null, null, t0, t0, 0)))
      .hasMessage("limit: expected a positive number, got '0'");
    result(store.close());
    assertThat(failure(store.instances())).hasMessage("history store closed");
  }

  @Test
  void prunesEachKindByItsRetentionOnAnInjectedClock(Vertx vertx) {
    Path file = dir.resolve("h.db");
    HistoryStoreOptions options = new HistoryStoreOptions().setPath(file.toString()).setClock(clock)
      .setMinuteRetention(Duration.ofDays(1).toMillis()).setHourRetention(Duration.ofDays(3).toMillis())
      .setTransitionRetention(Duration.ofDays(2).toMillis());
    SqliteHistoryStore store = result(SqliteHistoryStore.open(vertx, options));
    Instant t0 = clock.instant();
    result(store.append(List.of(new HistoryTransition("vm-1", "db", null, HealthStatus.PASS, t0, "ok")),
      List.of(minute("vm-1", "db", t0, 0, 60_000))));
    result(store.close());

    clock.advance(Duration.ofHours(36)); // opening prunes: the minute is older than 1 day, the rest is kept
    store = result(SqliteHistoryStore.open(vertx, options));
    Instant all = t0.plus(Duration.ofDays(30));
    assertThat(result(store.rollups(null, null, Instant.EPOCH, all))).isEmpty();
    assertThat(result(store.hourlyRollups(null, null, Instant.EPOCH, all))).hasSize(1);
    assertThat(result(store.transitions(null, null, Instant.EPOCH, all, 10))).hasSize(1);

    assertThat(result(store.prune(t0.plus(Duration.ofDays(2)), t0, t0))).as("the transition").isEqualTo(1);
    assertThat(result(store.prune(t0, t0, t0.plus(Duration.ofDays(3))))).as("the hour").isEqualTo(1);
    assertThat(result(store.instances())).as("a series with no row left is forgotten").isEmpty();
    result(store.close());
  }

  @Test
  void migratesAnEmptyFileKeepsItsRowsWhenReopenedAndRefusesANewerSchema(Vertx vertx) throws Exception {
    Path file = dir.resolve("h.db");
    Files.createFile(file); // an empty file is a database with no schema yet
    SqliteHistoryStore store = open(vertx, file);
    assertThat(store.schemaVersion()).isEqualTo(SqliteHistoryStore.SCHEMA_VERSION);
    result(store.append(List.of(), List.of(minute("vm-1", "db", clock.instant(), 0, 60_000))));
    result(store.close());

    store = open(vertx, file);
    assertThat(result(store.rollups(null, null, Instant.EPOCH, clock.instant().plusSeconds(60)))).hasSize(1);
    result(store.close());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.next()).as("applied once").isFalse();
      }
      s.executeUpdate("INSERT INTO schema_version (version, applied_at) VALUES (2, 0)");
    }
    assertThat(failure(SqliteHistoryStore.open(vertx, new HistoryStoreOptions().setPath(file.toString()))))
      .hasMessage("history store " + file + ": schema version 2 is newer than this Vitals knows (1); left as it is");
  }

  @Test
  void aCorruptOrUnopenableFileFailsTheOpeningNamingTheFile(Vertx vertx) throws Exception {
    Path corrupt = dir.resolve("corrupt.db");
    Files.writeString(corrupt, "this is not a SQLite file, but it is long enough to look like a header".repeat(20));
    assertThat(failure(SqliteHistoryStore.open(vertx, new HistoryStoreOptions().setPath(corrupt.toString()))))
      .isInstanceOf(IllegalStateException.class)
      .hasMessageStartingWith("history store " + corrupt + ": ")
      .hasMessageContaining("not a database");

    Path missing = dir.resolve("nope").resolve("h.db");
    assertThat(failure(SqliteHistoryStore.open(vertx, new HistoryStoreOptions().setPath(missing.toString()))))
      .hasMessage("history store " + missing + ": no such directory: " + missing.getParent());

    Path directory = Files.createDirectory(dir.resolve("a-directory.db"));
    assertThat(failure(SqliteHistoryStore.open(vertx, new HistoryStoreOptions().setPath(directory.toString()))))
      .hasMessageStartingWith("history store " + directory + ": ");
  }
}
