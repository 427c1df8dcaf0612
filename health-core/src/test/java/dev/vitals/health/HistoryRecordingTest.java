package dev.vitals.health;

import dev.vitals.health.test.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The registry's recording into a {@link HistoryStore}: availability read back at start (a restart continues the
 * windows), maintenance left out, {@code warn} shown apart, and a store outage that neither fails nor slows a
 * report, its rows held (bounded, drops counted) and written once the store answers.
 */
@ExtendWith(VertxExtension.class)
class HistoryRecordingTest {

  private final MutableClock clock = new MutableClock();
  private final AtomicReference<ProcedureResult> next = new AtomicReference<>(ProcedureResult.pass("ok"));
  private final List<CheckRegistry> registries = new ArrayList<>();

  /** The memory store with a switch that makes every call fail, as a store that cannot be reached. */
  static class SwitchedStore implements HistoryStore {
    final HistoryStore real = HistoryStore.memory();
    final AtomicBoolean down = new AtomicBoolean();

    private <T> Future<T> unlessDown(java.util.function.Supplier<Future<T>> call) {
      return down.get() ? Future.failedFuture(new IllegalStateException("history store test: connection refused"))
        : call.get();
    }

    @Override
    public Future<Void> append(List<HistoryTransition> transitions, List<HistoryRollup> rollups) {
      return unlessDown(() -> real.append(transitions, rollups));
    }

    @Override
    public Future<List<HistoryRollup>> rollups(String instance, String check, Instant from, Instant to) {
      return unlessDown(() -> real.rollups(instance, check, from, to));
    }

    @Override
    public Future<List<HistoryRollup>> hourlyRollups(String instance, String check, Instant from, Instant to) {
      return unlessDown(() -> real.hourlyRollups(instance, check, from, to));
    }

    @Override
    public Future<List<HistoryTransition>> transitions(String instance, String check, Instant from, Instant to,
                                                       int limit) {
      return unlessDown(() -> real.transitions(instance, check, from, to, limit));
    }

    @Override
    public Future<List<String>> instances() {
      return unlessDown(real::instances);
    }

    @Override
    public Future<Long> prune(Instant transitionsBefore, Instant minutesBefore, Instant hoursBefore) {
      return unlessDown(() -> real.prune(transitionsBefore, minutesBefore, hoursBefore));
    }

    @Override
    public Future<Void> close() {
      return real.close();
    }
  }

  private CheckRegistry registry(Vertx vertx, HistoryStore store, HistoryOptions history) {
    CheckRegistry registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock)
      .setHistory(history.setInstance("vm-1")).setHistoryStore(store));
    registry.register(new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0).setSlo(99.0),
      () -> Future.succeededFuture(next.get()));
    registries.add(registry);
    result(registry.historyLoaded());
    return registry;
  }

  @AfterEach
  void tearDown() {
    registries.forEach(r -> result(r.close()));
  }

  private void run(CheckRegistry registry, ProcedureResult result) {
    next.set(result);
    result(registry.report("db"));
  }

  private void runFor(CheckRegistry registry, ProcedureResult result, Duration duration) {
    for (Duration left = duration; !left.isNegative() && !left.isZero(); left = left.minusSeconds(30)) {
      run(registry, result);
      clock.advance(Duration.ofSeconds(30));
    }
  }

  @Test
  void aRestartContinuesTheWindowsFromTheStore(Vertx vertx) {
    SwitchedStore store = new SwitchedStore();
    CheckRegistry first = registry(vertx, store, new HistoryOptions());
    runFor(first, ProcedureResult.pass("ok"), Duration.ofMinutes(30));
    runFor(first, ProcedureResult.fail("refused"), Duration.ofMinutes(15));
    run(first, ProcedureResult.pass("back"));
    assertThat(first.history("db").availability().get("1h")).isCloseTo(30.0 / 45, within(1e-9));
    result(first.close());
    assertThat(result(store.real.transitions("vm-1", "db", Instant.EPOCH, clock.instant().plusSeconds(1), 10)))
      .extracting(HistoryTransition::to).containsExactly(HealthStatus.PASS, HealthStatus.FAIL, HealthStatus.PASS);
    assertThat(result(store.real.rollups("vm-1", "db", Instant.EPOCH, clock.instant().plusSeconds(60))))
      .as("45 minutes, a row each, and the minute of the last run, handed over at close").hasSize(46)
      .first().satisfies(row -> assertThat(row.runs()).isEqualTo(2));

    clock.advance(Duration.ofMinutes(5)); // the process is down: not observed
    CheckRegistry second = registry(vertx, store, new HistoryOptions());
    assertThat(second.historyRecording().loadedRows()).as("46 minutes and 3 transitions").isEqualTo(49);
    runFor(second, ProcedureResult.pass("ok"), Duration.ofMinutes(10));
    CheckHistory history = second.history("db");
    assertThat(history.availability().get("1h")).as("45 min before the restart, 10 after: not reset")
      .isCloseTo(40.0 / 55, within(1e-9));
    assertThat(history.availability().get("24h")).isCloseTo(40.0 / 55, within(1e-9));
    assertThat(history.availability().get("30d")).isCloseTo(40.0 / 55, within(1e-9));
    assertThat(history.errorBudgetRemaining().get("24h")).isCloseTo(1 - (15.0 / 55) / 0.01, within(1e-6));
    assertThat(history.observedSince()).isEqualTo("2026-11-21T12:00:00Z");

    clock.advance(Duration.ofHours(3));
    history = second.history("db");
    assertThat(history.availability().get("1h")).isEqualTo(1.0);
    assertThat(history.availability().get("24h")).as("the hourly sums of the first process")
      .isCloseTo((40.0 + 180) / (55 + 180), within(1e-9));
  }

  @Test
  void aRestartContinuesTheTransitionsAndSinceWhenTheCheckFails(Vertx vertx) {
    SwitchedStore store = new SwitchedStore();
    CheckRegistry first = registry(vertx, store, new HistoryOptions());
    Instant started = clock.instant();
    runFor(first, ProcedureResult.pass("ok"), Duration.ofMinutes(10));
    Instant failed = clock.instant();
    runFor(first, ProcedureResult.fail("refused"), Duration.ofMinutes(20));
    result(first.close());

    clock.advance(Duration.ofMinutes(2));
    CheckRegistry second = registry(vertx, store, new HistoryOptions());
    run(second, ProcedureResult.fail("still refused"));
    CheckHistory history = second.history("db");
    assertThat(history.since()).as("failing since before the restart").isEqualTo(failed);
    assertThat(history.transitions()).extracting(CheckHistory.Transition::from, CheckHistory.Transition::to,
        CheckHistory.Transition::at)
      .containsExactly(org.assertj.core.groups.Tuple.tuple(null, HealthStatus.PASS, started),
        org.assertj.core.groups.Tuple.tuple(HealthStatus.PASS, HealthStatus.FAIL, failed));

    clock.advance(Duration.ofMinutes(1));
    run(second, ProcedureResult.pass("back"));
    assertThat(second.history("db").transitions()).extracting(CheckHistory.Transition::to)
      .containsExactly(HealthStatus.PASS, HealthStatus.FAIL, HealthStatus.PASS);
    result(second.flushHistory());
    assertThat(result(store.real.transitions("vm-1", "db", Instant.EPOCH, clock.instant().plusSeconds(1), 10)))
      .as("the restart wrote no change").extracting(HistoryTransition::to)
      .containsExactly(HealthStatus.PASS, HealthStatus.FAIL, HealthStatus.PASS);
  }

  @Test
  void transitionsReadBackAfterTheFirstRunGoBeforeIt(Vertx vertx) {
    SwitchedStore store = new SwitchedStore();
    CheckRegistry first = registry(vertx, store, new HistoryOptions());
    runFor(first, ProcedureResult.fail("refused"), Duration.ofMinutes(20));
    Instant failedAt = Instant.parse("2026-11-21T12:00:00Z");
    result(first.close());

    io.vertx.core.Promise<Void> release = io.vertx.core.Promise.promise();
    SwitchedStore slow = new SwitchedStore() {
      @Override
      public Future<List<HistoryTransition>> transitions(String instance, String check, Instant from, Instant to,
                                                         int limit) {
        return release.future().compose(v -> store.real.transitions(instance, check, from, to, limit));
      }
    };
    clock.advance(Duration.ofMinutes(1));
    CheckRegistry second = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock)
      .setHistory(new HistoryOptions().setInstance("vm-1")).setHistoryStore(slow));
    registries.add(second);
    second.register(new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0), () -> Future.succeededFuture(next.get()));
    run(second, ProcedureResult.fail("still refused")); // before the read at start is done
    release.complete();
    result(second.historyLoaded());
    CheckHistory history = second.history("db");
    assertThat(history.since()).isEqualTo(failedAt);
    assertThat(history.transitions()).extracting(CheckHistory.Transition::to).containsExactly(HealthStatus.FAIL);
  }

  @Test
  void aCheckRegisteredAfterTheReadAtStartGetsItsPastToo(Vertx vertx) {
    SwitchedStore store = new SwitchedStore();
    CheckRegistry first = registry(vertx, store, new HistoryOptions());
    runFor(first, ProcedureResult.fail("refused"), Duration.ofMinutes(30));
    result(first.close());

    CheckRegistry second = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock)
      .setHistory(new HistoryOptions().setInstance("vm-1")).setHistoryStore(store));
    registries.add(second);
    result(second.historyLoaded()); // nothing registered yet: "db" is kept aside
    second.register(new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0), () -> Future.succeededFuture(next.get()));
    runFor(second, ProcedureResult.pass("ok"), Duration.ofMinutes(10));
    assertThat(second.history("db").availability().get("1h")).isCloseTo(10.0 / 40, within(1e-9));
  }

  @Test
  void aCheckRegisteredAgainUnderItsNameContinuesItsWindowsAndItsMinute(Vertx vertx) {
    SwitchedStore store = new SwitchedStore();
    CheckRegistry registry = registry(vertx, store, new HistoryOptions());
    runFor(registry, ProcedureResult.fail("refused"), Duration.ofMinutes(30));
    clock.advance(Duration.ofSeconds(20));
    registry.unregister("db"); // a config reload changed it
    registry.register(new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0),
      () -> Future.succeededFuture(next.get()));
    runFor(registry, ProcedureResult.pass("ok"), Duration.ofMinutes(10));
    assertThat(registry.history("db").availability().get("1h")).isCloseTo(10.0 / 40, within(0.01));
    result(registry.flushHistory());
    List<HistoryRollup> minute = result(store.real.rollups("vm-1", "db", clock.instant().minusSeconds(600 + 20),
      clock.instant().minusSeconds(600 - 40)));
    assertThat(minute).hasSize(1);
    assertThat(minute.get(0).observedMs()).as("before and after the new registration, one row").isEqualTo(60_000);
    assertThat(minute.get(0).fails()).isEqualTo(0);
    assertThat(minute.get(0).passes()).isEqualTo(2);
  }

  @Test
  void timeInMaintenanceIsLeftOutAndWarnIsAvailableButShownApart(Vertx vertx) {
    CheckRegistry registry = registry(vertx, null, new HistoryOptions());
    MaintenanceSource maintenance = MaintenanceSource.local(clock);
    registry.maintenance(maintenance);
    runFor(registry, ProcedureResult.pass("ok"), Duration.ofMinutes(20));
    result(maintenance.enable("deploy"));
    runFor(registry, ProcedureResult.fail("down for the deploy"), Duration.ofMinutes(10));
    result(maintenance.disable());
    runFor(registry, ProcedureResult.warn("certificate expires in 9 days"), Duration.ofMinutes(20));
    run(registry, ProcedureResult.pass("ok"));
    CheckHistory history = registry.history("db");
    assertThat(history.availability().get("1h")).as("the failure in maintenance spends nothing").isEqualTo(1.0);
    assertThat(history.errorBudgetRemaining().get("1h")).isEqualTo(1.0);
    assertThat(history.warnShare().get("1h")).isCloseTo(20.0 / 40, within(1e-9));
    assertThat(history.maintenanceMillis().get("1h")).isEqualTo(600_000L);
    assertThat(history.toJson().getJsonObject("maintenanceMs").getLong("24h")).isEqualTo(600_000L);
    assertThat(history.toJson().getJsonObject("warnShare").getDouble("24h")).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void aStoreOutageLeavesReportsAloneHoldsTheRowsBoundedAndWritesThemLater(Vertx vertx) {
    SwitchedStore store = new SwitchedStore();
    CheckRegistry registry = registry(vertx, store, new HistoryOptions().setBufferSize(100));
    store.down.set(true);
    runFor(registry, ProcedureResult.pass("ok"), Duration.ofMinutes(30));
    long started = System.nanoTime();
    HealthReport report = result(registry.report());
    assertThat(report.status()).isEqualTo(HealthStatus.PASS);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    assertThat(failure(registry.flushHistory())).hasMessageContaining("connection refused");
    HistoryRecording held = registry.historyRecording();
    assertThat(held.fault()).isEqualTo("history store test: connection refused");
    assertThat(held.buffered()).isEqualTo(31); // 30 minutes and the first transition
    assertThat(held.dropped()).isZero();

    runFor(registry, ProcedureResult.fail("refused"), Duration.ofMinutes(90));
    assertThat(failure(registry.flushHistory())).isNotNull();
    held = registry.historyRecording();
    assertThat(held.buffered()).as("bounded").isEqualTo(100);
    // held: 31, the fail transition, the 89 minutes finished (the 90th is still open): 121
    assertThat(held.dropped()).as("the oldest dropped, counted").isEqualTo(31 + 1 + 89 - 100);

    store.down.set(false);
    result(registry.flushHistory());
    held = registry.historyRecording();
    assertThat(held.buffered()).isZero();
    assertThat(held.fault()).isNull();
    assertThat(held.written()).isEqualTo(100);
    List<HistoryRollup> rows = result(store.real.rollups("vm-1", "db", Instant.EPOCH, clock.instant()));
    assertThat(rows).hasSize(99); // 100 held: 10 minutes passing, the fail transition, 89 minutes failing
    assertThat(rows.get(rows.size() - 1).fails()).isEqualTo(2);
    assertThat(rows.get(rows.size() - 1).observedMs()).isEqualTo(60_000);
    assertThat(rows.get(rows.size() - 1).availableMs()).isZero();
  }
}
