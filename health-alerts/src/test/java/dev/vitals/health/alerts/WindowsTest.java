package dev.vitals.health.alerts;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.vitals.health.alerts.AlertingTest.uncached;
import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Maintenance windows from cron expressions, against an injected clock. */
@ExtendWith(VertxExtension.class)
class WindowsTest {

  // 01:10 UTC is 02:10 in Paris in December (UTC+1).
  static final Instant AT = Instant.parse("2026-12-06T01:10:00Z");

  Vertx vertx;
  CountingClock clock;
  CheckRegistry registry;
  RecordingSink ops;
  ScriptedCheck db;
  final List<Alerting> alertings = new ArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    clock = new CountingClock(AT);
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock.base()));
    db = new ScriptedCheck();
    registry.register(uncached("db"), db);
    ops = new RecordingSink("ops");
  }

  @AfterEach
  void tearDown() {
    alertings.forEach(alerting -> result(alerting.close()));
    result(registry.close());
  }

  Alerting alerting(MaintenanceWindowOptions window) {
    Alerting alerting = result(Alerting.create(vertx, registry, new AlertsOptions().setGroupWait(0).setEvaluateEvery(5)
      .addWindow(window), Map.of("ops", ops), clock, "web-1", null));
    alertings.add(alerting);
    return alerting;
  }

  static MaintenanceWindowOptions nightly(String timeZone) {
    return new MaintenanceWindowOptions().setName("nightly").setCron("0 2 * * *").setDuration(30 * 60_000)
      .setTimeZone(timeZone).setStatusMaintenance(true);
  }

  @Test
  void anOpenWindowHoldsBackItsChecksAlertsUntilItCloses() {
    Alerting alerting = alerting(nightly("Europe/Paris"));
    WindowState state = alerting.windows().get(0);
    assertThat(state.open()).isTrue();
    assertThat(state.openedAt()).isEqualTo(Instant.parse("2026-12-06T01:00:00Z"));
    assertThat(state.closesAt()).isEqualTo(Instant.parse("2026-12-06T01:30:00Z"));
    assertThat(state.nextOpen()).isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
    assertThat(alerting.statusMaintenance()).contains("maintenance window nightly, until 2026-12-06T01:30:00Z");

    db.fail("refused");
    result(registry.report("db"));
    clock.awaitReads(5);
    assertThat(ops.lines()).isEmpty();
    assertThat(alerting.suppressed()).containsEntry("window", 1L).containsEntry("silence", 0L);
    assertThat(alerting.active().get(0).windows()).containsExactly("nightly");

    clock.advance(Duration.ofMinutes(20));
    until(() -> ops.received().size() == 1, () -> ops.lines().toString());
    assertThat(ops.lines()).containsExactly("firing db");
    assertThat(alerting.windows().get(0).open()).isFalse();
    assertThat(alerting.statusMaintenance()).isEmpty();
  }

  @Test
  void theWindowsTimeZoneIsHonoured() {
    // 02:00 UTC is still 50 minutes away at 01:10 UTC: closed.
    Alerting alerting = alerting(nightly("UTC"));
    assertThat(alerting.windows().get(0).open()).isFalse();
    assertThat(alerting.windows().get(0).nextOpen()).isEqualTo(Instant.parse("2026-12-06T02:00:00Z"));
    assertThat(alerting.statusMaintenance()).isEqualTo(Optional.empty());
    db.fail("refused");
    result(registry.report("db"));
    assertThat(ops.lines()).containsExactly("firing db");
    assertThat(alerting.suppressed()).containsEntry("window", 0L);
  }

  @Test
  void aWindowHoldsOnlyTheChecksItMatches() {
    Alerting alerting = alerting(nightly("Europe/Paris").setChecks(List.of("cache*")).setStatusMaintenance(false));
    assertThat(alerting.windows().get(0).open()).isTrue();
    assertThat(alerting.statusMaintenance()).isEmpty();
    db.fail("refused");
    result(registry.report("db"));
    assertThat(ops.lines()).containsExactly("firing db");
  }

  @Test
  void aRuleNamingAChannelWithoutASinkOrAnIncompleteWindowFailsCreation() {
    assertThat(failure(Alerting.create(vertx, registry, new AlertsOptions().addWindow(nightly("UTC"))
        .addRule(new AlertRuleOptions().setName("r").setChannels(List.of("pager"))), Map.of("ops", ops), clock,
      "web-1", null)))
      .isInstanceOf(IllegalArgumentException.class)
      .hasMessage("rules[0].channels: no sink for channel 'pager', expected one of ops");
    assertThat(failure(Alerting.create(vertx, registry, new AlertsOptions()
        .addWindow(new MaintenanceWindowOptions().setName("w").setCron("0 2 * * *")), Map.of("ops", ops), clock,
      "web-1", null)))
      .hasMessage("windows[0].duration: required field missing");
  }
}
