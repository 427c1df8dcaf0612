package dev.vitals.health.history;

import dev.vitals.health.CheckHistory;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HistoryOptions;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The scale run every store's scale test makes: 30 days of {@code checks} checks written into a store (one minute an
 * hour, an hour in ten failing; optionally another instance's rows beside them, always up), a registry of instance
 * {@code vm-1} reading them back at start, and {@link CheckRegistry#history()} of them all; prints the timings,
 * asserts the windows.
 */
final class ThirtyDays {

  /** The clock's time in every run: the half hour, so the current hour is a partial one. */
  static final Instant NOW = Instant.parse("2026-11-21T12:30:00Z");

  private ThirtyDays() {
  }

  /** @return the number of checks of a scale run: {@code vitals.scaleChecks}, 200 by default */
  static int checks() {
    return Integer.getInteger("vitals.scaleChecks", 200);
  }

  /**
   * @param label      the store's name in the printed line
   * @param withOthers whether another instance's rows are written beside vm-1's (not read back by vm-1)
   */
  static void run(Vertx vertx, MutableClock clock, HistoryStore store, int checks, String label, boolean withOthers) {
    Instant first = clock.instant().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
    for (Instant hour = first; hour.isBefore(clock.instant()); hour = hour.plus(Duration.ofHours(1))) {
      List<HistoryRollup> rows = new ArrayList<>(checks);
      for (int c = 0; c < checks; c++) { // one minute an hour: its sums are the hour's
        boolean down = hour.getEpochSecond() / 3600 % 10 == 0; // an hour in ten failing
        rows.add(new HistoryRollup("vm-1", "check-" + c, hour, HistoryStore.MINUTE_MS, 2, down ? 0 : 2, 0,
          down ? 2 : 0, down ? 0 : 60_000, 0, 60_000, 0, 3, 9, 12));
        if (withOthers) { // another instance of the fleet, always up: not read back by vm-1
          rows.add(new HistoryRollup("vm-2", "check-" + c, hour, HistoryStore.MINUTE_MS, 2, 2, 0, 0, 60_000, 0,
            60_000, 0, 3, 9, 12));
        }
      }
      result(store.append(List.of(), rows));
    }

    long read = System.nanoTime();
    int rowsRead = 0;
    for (Instant day = first; day.isBefore(clock.instant()); day = day.plus(Duration.ofDays(1))) {
      rowsRead += result(store.hourlyRollups("vm-1", null, day, day.plus(Duration.ofDays(1)))).size();
    }
    long readMs = Duration.ofNanos(System.nanoTime() - read).toMillis();
    long started = System.nanoTime();
    CheckRegistry registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock)
      .setHistory(new HistoryOptions().setInstance("vm-1")).setHistoryStore(store));
    for (int c = 0; c < checks; c++) {
      registry.register(new CheckOptions("check-" + c), () -> Future.succeededFuture(ProcedureResult.pass("ok")));
    }
    result(registry.historyLoaded());
    long loadMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
    // 720 hours before this one, 2 minutes of the last 2 hours
    assertThat(registry.historyRecording().loadedRows()).isEqualTo(30L * 24 * checks + 2L * checks);

    long[] historyMicros = new long[7];
    Map<String, CheckHistory> all = null;
    for (int i = 0; i < historyMicros.length; i++) {
      long t = System.nanoTime();
      all = registry.history();
      historyMicros[i] = (System.nanoTime() - t) / 1_000;
    }
    Arrays.sort(historyMicros);
    System.out.printf(Locale.ROOT, "%s history at start: %d checks x 30 days read in %d ms (the store's reads alone,"
      + " %d rows: %d ms); history() of them all in %.1f ms (median of 7)%n", label, checks, loadMs, rowsRead, readMs,
      historyMicros[3] / 1000.0);
    assertThat(all).hasSize(checks);
    CheckHistory one = all.get("check-0");
    assertThat(one.availability().get("30d")).as("an hour in ten failing").isCloseTo(0.9, within(0.01));
    assertThat(one.availability().get("7d")).isCloseTo(0.9, within(0.02));
    assertThat(one.observedSince()).isNotNull();
    result(registry.close());
    result(store.close());
  }
}
