package dev.vitals.health.history;

import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.HistoryTransition;
import dev.vitals.health.HealthStatus;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disk a SQLite file takes per check per 30 days: 30 days of minutes (what the registry writes: a row per check
 * per minute, with runs every 27 s, latencies and a transition an hour) for {@code vitals.diskChecks} checks (10),
 * written in batches of an hour as the registry does every 15 s, then the file's size once closed. Docs/history.md
 * states the figure.
 */
@ExtendWith(VertxExtension.class)
class SqliteDiskTest {

  @TempDir
  Path dir;

  @Test
  void thirtyDaysOfMinutesTakeAboutTwoMegabytesPerCheck(Vertx vertx) throws Exception {
    int checks = Integer.getInteger("vitals.diskChecks", 10);
    Path file = dir.resolve("disk.db");
    // Retentions long enough to keep all 30 days: the worst case of a store kept a month.
    HistoryStoreOptions options = new HistoryStoreOptions().setPath(file.toString())
      .setMinuteRetention(Duration.ofDays(3650).toMillis());
    SqliteHistoryStore store = result(SqliteHistoryStore.open(vertx, options));
    Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
    long started = System.nanoTime();
    for (int hour = 0; hour < 30 * 24; hour++) {
      List<HistoryRollup> rows = new ArrayList<>(checks * 60);
      List<HistoryTransition> changes = new ArrayList<>(checks);
      for (int c = 0; c < checks; c++) {
        String check = "dependency-" + c + "/primary";
        for (int m = 0; m < 60; m++) {
          Instant start = t0.plusSeconds(3600L * hour + 60L * m);
          boolean failing = m == 7;
          rows.add(new HistoryRollup("vitals-host-1.example.com", check, start, HistoryStore.MINUTE_MS, 2,
            failing ? 0 : 2, 0, failing ? 2 : 0, failing ? 0 : 60_000, 0, 60_000, 0, 3 + m % 5, 11 + m % 7,
            20 + m % 13));
        }
        changes.add(new HistoryTransition("vitals-host-1.example.com", check, HealthStatus.PASS, HealthStatus.FAIL,
          t0.plusSeconds(3600L * hour + 420), "connection refused: db-" + c + ".internal:5432"));
      }
      result(store.append(changes, rows));
    }
    long writing = Duration.ofNanos(System.nanoTime() - started).toMillis();
    result(store.close());
    long bytes = Files.size(file) + sizeIfAny(Path.of(file + "-wal"));
    double perCheck = bytes / (double) checks / 1e6;
    System.out.printf(Locale.ROOT, "SQLite history store: %d checks x 30 days of minutes = %.1f MB,"
        + " %.2f MB per check per 30 days (%d bytes per check-minute); written in %d ms%n", checks, bytes / 1e6,
      perCheck, bytes / checks / (30 * 24 * 60), writing);
    assertThat(perCheck).as("MB per check per 30 days").isBetween(0.5, 4.0);
  }

  private static long sizeIfAny(Path path) throws Exception {
    return Files.exists(path) ? Files.size(path) : 0;
  }
}
