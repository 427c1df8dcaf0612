package dev.vitals.health;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link HistoryStore#memory()}: what it answers, its hourly sums, and its bounds. */
class MemoryHistoryStoreTest {

  private final Instant t0 = Instant.parse("2026-11-21T12:00:00Z");

  private static HistoryRollup minute(String check, Instant start, long availableMs) {
    return new HistoryRollup("vm-1", check, start, HistoryStore.MINUTE_MS, 2, availableMs == 0 ? 0 : 2, 0,
      availableMs == 0 ? 2 : 0, availableMs, 0, 60_000, 0, 3, 9, 12);
  }

  @Test
  void keepsMinutesForTwoHoursAndHourlySumsForThirtyDays() {
    HistoryStore store = HistoryStore.memory();
    List<HistoryRollup> rows = new ArrayList<>();
    for (int m = 0; m < 31 * 24 * 60; m += 1) {
      rows.add(minute("db", t0.plusSeconds(60L * m), m % 60 < 6 ? 0 : 60_000));
    }
    result(store.append(List.of(), rows));
    Instant end = t0.plus(Duration.ofDays(31));
    assertThat(result(store.rollups("vm-1", "db", Instant.EPOCH, end))).as("the last 2 hours of minutes")
      .hasSize(121);
    List<HistoryRollup> hours = result(store.hourlyRollups(null, "db", Instant.EPOCH, end));
    assertThat(hours).as("30 days of hours, and the newest").hasSize(30 * 24 + 1);
    assertThat(hours.get(0).availableMs()).isEqualTo(54 * 60_000);
    assertThat(hours.get(0).runs()).isEqualTo(120);

    result(store.append(List.of(), List.of(minute("db", rows.get(rows.size() - 1).start(), 0))));
    assertThat(result(store.hourlyRollups(null, "db", end.minusSeconds(3600), end)).get(0).availableMs())
      .as("a minute written again replaces itself in its hour").isEqualTo(53 * 60_000);

    assertThat(result(store.prune(end, end.minusSeconds(1800), end.minus(Duration.ofDays(1))))).isEqualTo(
      91 + 30 * 24 + 1 - 24); // minutes older than 30 min; hours but the last 24
    assertThat(result(store.instances())).containsExactly("vm-1");
    result(store.close());
    assertThat(failure(store.append(List.of(), List.of()))).hasMessage("history store closed");
  }

  @Test
  void keepsTheLastThousandTransitionsOfASeriesAndAnswersTheNewestWhenLimited() {
    HistoryStore store = HistoryStore.memory();
    List<HistoryTransition> changes = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      changes.add(new HistoryTransition("vm-1", "db", i % 2 == 0 ? HealthStatus.FAIL : HealthStatus.PASS,
        i % 2 == 0 ? HealthStatus.PASS : HealthStatus.FAIL, t0.plusSeconds(i), "#" + i));
    }
    result(store.append(changes, List.of()));
    List<HistoryTransition> all = result(store.transitions("vm-1", null, Instant.EPOCH, t0.plusSeconds(2_000), 5_000));
    assertThat(all).hasSize(HistoryOptions.MAX_TRANSITIONS);
    assertThat(all.get(0).output()).isEqualTo("#200");
    assertThat(result(store.transitions(null, "db", Instant.EPOCH, t0.plusSeconds(2_000), 2)))
      .extracting(HistoryTransition::output).containsExactly("#1198", "#1199");
  }
}
