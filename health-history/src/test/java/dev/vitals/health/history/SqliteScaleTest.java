package dev.vitals.health.history;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.vitals.health.test.Await.result;

/**
 * A registry of {@code vitals.scaleChecks} checks (200; docs/history.md gives 1,000) starting on a file holding 30
 * days of each: how long the read at start takes, and {@link CheckRegistry#history()} of them all afterwards (what
 * {@code /health/history} renders), from the compact sums.
 */
@ExtendWith(VertxExtension.class)
class SqliteScaleTest {

  @TempDir
  Path dir;

  @Test
  void thirtyDaysOfEveryCheckAreReadAtStartAndTheWindowsComputedFromTheSums(Vertx vertx) {
    int checks = ThirtyDays.checks();
    MutableClock clock = new MutableClock(ThirtyDays.NOW);
    HistoryStoreOptions options = new HistoryStoreOptions().setPath(dir.resolve("scale.db").toString())
      .setClock(clock);
    SqliteHistoryStore store = result(SqliteHistoryStore.open(vertx, options));
    ThirtyDays.run(vertx, clock, store, checks, "SQLite", false);
  }
}
