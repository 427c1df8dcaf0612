package dev.vitals.health;

import dev.vitals.health.test.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** History, time-weighted availability, error budgets and flap detection, on an injected clock. */
@ExtendWith(VertxExtension.class)
class HistoryTest {

  private final MutableClock clock = new MutableClock();
  private final AtomicReference<ProcedureResult> next = new AtomicReference<>(ProcedureResult.pass("ok"));
  private final List<StatusChange> changes = new CopyOnWriteArrayList<>();
  private CheckRegistry registry;

  private CheckRegistry registry(Vertx vertx, HistoryOptions history, CheckOptions check) {
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock).setHistory(history));
    registry.addListener(changes::add);
    registry.register(check.setSuccessTtl(0).setFailureTtl(0), () -> Future.succeededFuture(next.get()));
    return registry;
  }

  @AfterEach
  void tearDown() {
    if (registry != null) {
      result(registry.close());
    }
  }

  private void run(ProcedureResult result) {
    next.set(result);
    result(registry.report("db"));
  }

  private void minutes(long n) {
    clock.advance(Duration.ofMinutes(n));
  }

  private List<String> notified() {
    return changes.stream().filter(c -> c.kind() != StatusChange.Kind.OVERALL)
      .map(c -> c.kind().wireName() + ":" + c.from() + "->" + c.to()).toList();
  }

  @Test
  void availabilityIsTheShareOfTimeNotOfRunsAndItsWindowsStartAtTheFirstResult(Vertx vertx) {
    registry(vertx, new HistoryOptions(), new CheckOptions("db").setSlo(99.0));
    run(ProcedureResult.pass("ok"));
    minutes(45);
    for (int i = 0; i < 10; i++) { // ten failing runs in 15 minutes weigh as 15 minutes, not as ten runs
      run(ProcedureResult.fail("refused"));
      clock.advance(Duration.ofSeconds(90));
    }
    run(ProcedureResult.pass("back"));
    CheckHistory history = registry.history("db");
    assertThat(history.availability().get("1h")).isCloseTo(0.75, within(1e-9));
    assertThat(history.observedSince()).isEqualTo(clock.instant().minus(Duration.ofMinutes(60)));
    minutes(120);
    history = registry.history("db");
    assertThat(history.availability().get("1h")).isEqualTo(1.0);
    assertThat(history.availability().get("24h")).isCloseTo(165.0 / 180, within(1e-9));
    assertThat(history.availability().get("7d")).isCloseTo(165.0 / 180, within(1e-9));
    assertThat(history.errorBudgetRemaining().get("1h")).isCloseTo(1.0, within(1e-9));
    assertThat(history.errorBudgetRemaining().get("24h")).as("overspent: negative")
      .isCloseTo(1 - (15.0 / 180) / 0.01, within(1e-6));
    assertThat(history.observedMillis()).isEqualTo(180 * 60_000L);
    assertThat(history.availableMillis()).isEqualTo(165 * 60_000L);
    assertThat(history.status()).isEqualTo(HealthStatus.PASS);
    assertThat(history.since()).isEqualTo(clock.instant().minus(Duration.ofMinutes(120)));
    assertThat(history.transitions()).extracting(CheckHistory.Transition::to)
      .containsExactly(HealthStatus.PASS, HealthStatus.FAIL, HealthStatus.PASS);
    assertThat(history.recent()).hasSize(12);

    JsonObject json = history.toJson();
    assertThat(json.getJsonObject("availability").getString("since")).isEqualTo("2026-11-21T12:00:00Z");
    assertThat(json.getDouble("slo")).isEqualTo(99.0);
    assertThat(json.getJsonArray("transitions").getJsonObject(1).getString("output")).isEqualTo("refused");
    assertThat(json.getJsonArray("transitions").getJsonObject(1).getString("at")).isEqualTo("2026-11-21T12:45:00Z");
    assertThat(history.toJson(status -> status != HealthStatus.FAIL).getJsonArray("transitions").getJsonObject(1)
      .containsKey("output")).as("a failure's output left out").isFalse();

    clock.advance(Duration.ofDays(8));
    history = registry.history("db");
    assertThat(history.observedSince()).as("observed for less than the longest window, 30 days")
      .isEqualTo("2026-11-21T12:00:00Z");
    assertThat(history.availability().get("7d")).isEqualTo(1.0);
    assertThat(history.availability().get("30d")).isCloseTo(1 - 15.0 / (8 * 24 * 60 + 180), within(1e-9));
    assertThat(history.transitions()).as("older than 7 days, but the last one").hasSize(1);
    clock.advance(Duration.ofDays(23));
    history = registry.history("db");
    assertThat(history.observedSince()).as("observed for longer than the longest window").isNull();
    assertThat(history.availability().get("30d")).isEqualTo(1.0);
  }

  @Test
  void eachCheckKeepsItsLastHundredRunsAThousandTransitionsAndOutputsOfTwoHundredCharacters(Vertx vertx) {
    registry(vertx, new HistoryOptions().setEnabled(true).setFlapHighThreshold(100), new CheckOptions("db"));
    String longOutput = "x".repeat(1_000);
    for (int i = 0; i < 1_200; i++) {
      run(i % 2 == 0 ? ProcedureResult.pass(longOutput) : ProcedureResult.fail(longOutput));
      clock.advance(Duration.ofSeconds(1));
    }
    CheckHistory history = registry.history("db");
    assertThat(history.recent()).hasSize(HistoryOptions.RECENT_RUNS);
    assertThat(history.transitions()).hasSize(HistoryOptions.MAX_TRANSITIONS);
    assertThat(history.recent().get(0).output()).hasSize(HistoryOptions.MAX_OUTPUT_LENGTH).endsWith("…");
    assertThat(history.observedSince()).as("observed since the first result, transitions dropped or not")
      .isEqualTo(clock.instant().minusSeconds(1_200));
    assertThat(history.availability().get("1h")).isCloseTo(0.5, within(0.001));
  }

  @Test
  void aFlappingCheckNotifiesOnceWhenItStartsAndOnceWhenItStops(Vertx vertx) {
    registry(vertx, new HistoryOptions(), new CheckOptions("db"));
    for (int i = 0; i < 12; i++) {
      run(i % 2 == 0 ? ProcedureResult.pass("ok") : ProcedureResult.fail("refused"));
      minutes(1);
    }
    assertThat(registry.history("db").flapping()).isTrue();
    // 4 changes: 1.25 + 1.224 + 1.197 = 18.4 % after the third, 24.2 % after the fourth (Nagios' weights).
    assertThat(notified()).containsExactly("check:pass->fail", "check:fail->pass", "check:pass->fail",
      "flapping:pass->flapping");
    assertThat(changes.get(changes.size() - 1).output())
      .isEqualTo("state changed in 24.2 % of the last 21 results (flapping from 20.0 %)");
    int heard = changes.size();
    for (int i = 0; i < 30; i++) {
      run(ProcedureResult.fail("down"));
    }
    assertThat(notified()).hasSize(5).last().isEqualTo("flapping:flapping->fail");
    assertThat(registry.history("db").flapping()).isFalse();
    assertThat(changes.size()).isEqualTo(heard + 1);
    run(ProcedureResult.pass("ok"));
    assertThat(notified()).as("stable again: changes are notified").last().isEqualTo("check:fail->pass");
  }

  @Test
  void withHistoryOffNothingIsKeptAndEveryChangeIsNotified(Vertx vertx) {
    registry(vertx, new HistoryOptions(new JsonObject().put("enabled", false)), new CheckOptions("db"));
    for (int i = 0; i < 12; i++) {
      run(i % 2 == 0 ? ProcedureResult.pass("ok") : ProcedureResult.fail("refused"));
    }
    assertThat(registry.history()).isEmpty();
    assertThat(registry.history("db")).isNull();
    assertThat(notified()).hasSize(11).doesNotContain("flapping:pass->flapping");
  }

  @Test
  void optionsNameTheFieldThatIsWrong() {
    assertThat(new CheckRegistryOptions(new JsonObject().put("history", new JsonObject()
      .put("flapHighThreshold", 30).put("flapLowThreshold", 7.5))).getHistory().toJson())
      .isEqualTo(new JsonObject().put("enabled", true).put("flapHighThreshold", 30.0).put("flapLowThreshold", 7.5)
        .put("flushInterval", 15_000L).put("bufferSize", 100_000));
    assertThatThrownBy(() -> new CheckRegistryOptions(new JsonObject().put("history",
      new JsonObject().put("bufferSize", 0)))).hasMessageStartingWith("history.bufferSize: ");
    assertThatThrownBy(() -> new HistoryOptions().setInstance(" ")).hasMessage(
      "instance: expected a name of 1 to 200 characters, got ' '");
    assertThatThrownBy(() -> new CheckRegistryOptions(new JsonObject().put("history",
      new JsonObject().put("flapHighThreshold", "high")))).hasMessage("history.flapHighThreshold: expected a number, got 'high'");
    assertThatThrownBy(() -> new HistoryOptions(new JsonObject().put("flapLowThreshold", 30)))
      .hasMessage("flapLowThreshold: must not be above flapHighThreshold (20.0), got 30.0");
    assertThatThrownBy(() -> new CheckOptions(new JsonObject().put("name", "db").put("slo", 100)))
      .hasMessageContaining("slo: must be a percent above 0 and below 100, got 100.0");
    assertThat(new CheckOptions(new JsonObject().put("name", "db").put("slo", 99.9)).toJson().getDouble("slo"))
      .isEqualTo(99.9);
  }
}
