package dev.vitals.health.test;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.HistoryTransition;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link HistoryStore} does, as its Javadoc says: extend it with the store under test (the memory one,
 * health-history's SQLite file and PostgreSQL run it). Each test opens a store of its own, empty.
 */
@ExtendWith(VertxExtension.class)
public abstract class HistoryStoreContract {

  /** Noon, 2026-11-21: the hour the rows below start. */
  protected static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

  /**
   * @param vertx the test's Vert.x
   * @return a new, empty store
   */
  protected abstract HistoryStore open(Vertx vertx);

  /**
   * @param instance    its instance
   * @param check       its check
   * @param start       its minute
   * @param fails       failing runs of its 2
   * @param availableMs available ms of its 60,000 observed
   * @return a minute rollup
   */
  protected static HistoryRollup minute(String instance, String check, Instant start, int fails, long availableMs) {
    return new HistoryRollup(instance, check, start, HistoryStore.MINUTE_MS, 2, 2 - fails, 0, fails, availableMs, 0,
      60_000, 0, 3, 9, 12);
  }

  @Test
  void readsBackWhatItAppendedByInstanceCheckAndRangeInOrder(Vertx vertx) {
    HistoryStore store = open(vertx);
    List<HistoryRollup> rows = new ArrayList<>();
    for (int m = 0; m < 90; m++) {
      rows.add(minute("vm-2", "db", T0.plusSeconds(60L * m), 0, 60_000));
      rows.add(minute("vm-1", "db", T0.plusSeconds(60L * m), m < 30 ? 2 : 0, m < 30 ? 0 : 60_000));
      rows.add(minute("vm-1", "cache", T0.plusSeconds(60L * m), 0, 60_000));
    }
    result(store.append(List.of(), rows));
    assertThat(result(store.instances())).containsExactly("vm-1", "vm-2");
    List<HistoryRollup> db = result(store.rollups("vm-1", "db", T0, T0.plusSeconds(3600)));
    assertThat(db).hasSize(60);
    assertThat(db.get(0)).isEqualTo(rows.get(1));
    assertThat(result(store.rollups(null, null, T0, T0.plusSeconds(60))))
      .extracting(r -> r.instance() + "/" + r.check()).containsExactly("vm-1/cache", "vm-1/db", "vm-2/db");
    assertThat(result(store.rollups(null, "db", T0.plusSeconds(60), T0.plusSeconds(120))))
      .extracting(HistoryRollup::start).containsOnly(T0.plusSeconds(60));
    result(store.close());
  }

  @Test
  void keepsHourlySumsThatFollowAMinuteWrittenAgain(Vertx vertx) {
    HistoryStore store = open(vertx);
    List<HistoryRollup> rows = new ArrayList<>();
    for (int m = 0; m < 90; m++) {
      rows.add(minute("vm-1", "db", T0.plusSeconds(60L * m), m < 30 ? 2 : 0, m < 30 ? 0 : 60_000));
    }
    result(store.append(List.of(), rows));
    List<HistoryRollup> hours = result(store.hourlyRollups("vm-1", "db", T0, T0.plusSeconds(7200)));
    assertThat(hours).hasSize(2);
    assertThat(hours.get(0).spanMs()).isEqualTo(HistoryStore.HOUR_MS);
    assertThat(hours.get(0).observedMs()).isEqualTo(3_600_000);
    assertThat(hours.get(0).availableMs()).isEqualTo(30 * 60_000);
    assertThat(hours.get(0).runs()).isEqualTo(120);
    assertThat(hours.get(0).fails()).isEqualTo(60);
    assertThat(hours.get(0).p95Ms()).isEqualTo(9);
    assertThat(hours.get(0).maxMs()).isEqualTo(12);
    assertThat(hours.get(1).observedMs()).isEqualTo(30 * 60_000);

    result(store.append(List.of(), List.of(minute("vm-1", "db", T0, 0, 60_000))));
    assertThat(result(store.rollups("vm-1", "db", T0, T0.plusSeconds(60))))
      .containsExactly(minute("vm-1", "db", T0, 0, 60_000));
    assertThat(result(store.hourlyRollups("vm-1", "db", T0, T0.plusSeconds(3600))).get(0).availableMs())
      .isEqualTo(31 * 60_000);
    result(store.close());
  }

  @Test
  void answersTransitionsOldestFirstTheNewestWhenLimited(Vertx vertx) {
    HistoryStore store = open(vertx);
    result(store.append(List.of(
      new HistoryTransition("vm-1", "db", null, HealthStatus.FAIL, T0, "refused"),
      new HistoryTransition("vm-1", "db", HealthStatus.FAIL, HealthStatus.PASS, T0.plusSeconds(1800), "ok"),
      new HistoryTransition("vm-2", "db", null, HealthStatus.WARN, T0.plusSeconds(900), "slow")), List.of()));
    assertThat(result(store.transitions("vm-1", "db", T0, T0.plusSeconds(3600), 10)))
      .containsExactly(new HistoryTransition("vm-1", "db", null, HealthStatus.FAIL, T0, "refused"),
        new HistoryTransition("vm-1", "db", HealthStatus.FAIL, HealthStatus.PASS, T0.plusSeconds(1800), "ok"));
    assertThat(result(store.transitions(null, null, T0, T0.plusSeconds(3600), 2)))
      .extracting(HistoryTransition::output).containsExactly("slow", "ok");
    assertThat(result(store.transitions(null, "db", T0.plusSeconds(1), T0.plusSeconds(1800), 10)))
      .extracting(HistoryTransition::output).containsExactly("slow");
    assertThat(failure(store.transitions(null, null, T0, T0, 0)))
      .hasMessage("limit: expected a positive number, got '0'");
    result(store.close());
  }

  @Test
  void prunesEachKindBeforeItsOwnTime(Vertx vertx) {
    HistoryStore store = open(vertx);
    result(store.append(List.of(new HistoryTransition("vm-1", "db", null, HealthStatus.PASS, T0, "ok")),
      List.of(minute("vm-1", "db", T0, 0, 60_000), minute("vm-1", "db", T0.plusSeconds(3600), 0, 60_000))));
    assertThat(result(store.prune(T0, T0.plusSeconds(3600), T0))).as("a minute").isEqualTo(1);
    assertThat(result(store.rollups(null, null, Instant.EPOCH, T0.plusSeconds(7200)))).hasSize(1);
    assertThat(result(store.hourlyRollups(null, null, Instant.EPOCH, T0.plusSeconds(7200)))).hasSize(2);
    assertThat(result(store.prune(T0.plusSeconds(1), T0, T0.plusSeconds(3600)))).as("the transition, an hour")
      .isEqualTo(2);
    assertThat(result(store.transitions(null, null, Instant.EPOCH, T0.plusSeconds(7200), 10))).isEmpty();
    assertThat(result(store.hourlyRollups(null, null, Instant.EPOCH, T0.plusSeconds(7200)))).hasSize(1);
    result(store.close());
  }

  @Test
  void failsEveryCallOnceClosed(Vertx vertx) {
    HistoryStore store = open(vertx);
    result(store.close());
    result(store.close()); // twice is harmless
    assertThat(failure(store.append(List.of(), List.of()))).hasMessage("history store closed");
    assertThat(failure(store.instances())).hasMessage("history store closed");
    assertThat(failure(store.rollups(null, null, T0, T0))).hasMessage("history store closed");
  }
}
