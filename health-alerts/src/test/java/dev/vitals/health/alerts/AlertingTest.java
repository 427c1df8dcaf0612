package dev.vitals.health.alerts;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HealthStatus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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
import java.util.Set;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine through a real registry: counting, reminders, resolution, the default rule, matching, bounds. */
@ExtendWith(VertxExtension.class)
class AlertingTest {

  static final Instant START = Instant.parse("2026-12-06T12:00:00Z");

  Vertx vertx;
  CountingClock clock;
  CheckRegistry registry;
  RecordingSink ops;
  final List<Alerting> alertings = new ArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    clock = new CountingClock(START);
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock.base()));
    ops = new RecordingSink("ops");
  }

  @AfterEach
  void tearDown() {
    alertings.forEach(alerting -> result(alerting.close()));
    result(registry.close());
  }

  static CheckOptions uncached(String name) {
    return new CheckOptions(name).setSuccessTtl(0).setFailureTtl(0).setMaxStale(0);
  }

  /** Options that send at once (no groupWait) and evaluate often; runs only those the test makes (no poll). */
  static AlertsOptions quick() {
    return new AlertsOptions().setGroupWait(0).setEvaluateEvery(5).setPollEvery(0);
  }

  Alerting alerting(AlertsOptions options) {
    Alerting alerting = result(Alerting.create(vertx, registry, options, Map.of("ops", ops), clock, "web-1", "shop"));
    alertings.add(alerting);
    return alerting;
  }

  void run(String name) {
    result(registry.report(name));
  }

  ScriptedCheck check(String name) {
    ScriptedCheck check = new ScriptedCheck();
    registry.register(uncached(name), check);
    return check;
  }

  @Test
  void firesAfterFailuresBeforeAndResolvesAfterSuccessesBefore() {
    ScriptedCheck db = check("db");
    alerting(quick().addRule(new AlertRuleOptions().setName("db").setFailuresBefore(3).setSuccessesBefore(2)));

    db.fail("refused");
    run("db");
    Instant firstFailure = clock.instant();
    clock.advance(Duration.ofSeconds(10));
    run("db");
    db.pass();
    run("db"); // a pass breaks the streak: counting starts again
    db.fail("refused");
    run("db");
    firstFailure = clock.instant();
    clock.advance(Duration.ofSeconds(10));
    run("db");
    assertThat(ops.lines()).isEmpty();
    run("db");
    assertThat(ops.lines()).containsExactly("firing db");
    Alert alert = ops.received().get(0).alert();
    assertThat(alert.since()).isEqualTo(firstFailure);
    assertThat(alert.output()).isEqualTo("refused");
    assertThat(alert.rule()).isEqualTo("db");
    assertThat(alert.labels()).containsEntry("instance", "web-1").containsEntry("application", "shop")
      .containsEntry("check", "db").containsEntry("severity", "critical");

    db.pass();
    run("db");
    db.fail("refused");
    run("db"); // a failure breaks the passing streak
    db.pass();
    run("db");
    assertThat(ops.lines()).containsExactly("firing db");
    run("db");
    assertThat(ops.lines()).containsExactly("firing db", "resolved db");
    assertThat(ops.received().get(1).summary()).isEqualTo("db recovered");
  }

  /** A check that no request and no refresh period runs is still judged: alerting asks for it every pollEvery. */
  @Test
  void pollsTheChecksItsRulesMatch() throws InterruptedException {
    ScriptedCheck db = check("db");
    check("other").fail("not matched");
    alerting(quick().setPollEvery(10).addRule(new AlertRuleOptions().setName("db").setChecks(List.of("db"))));

    db.fail("refused");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (ops.lines().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(ops.lines()).containsExactly("firing db");
    assertThat(registry.latest("other")).as("a check no rule matches is not run").isNull();
  }

  @Test
  void countsWhatEachRunFoundNotTheDampedStatus() {
    ScriptedCheck db = new ScriptedCheck();
    registry.register(uncached("db").setFailureThreshold(3), db);
    alerting(quick());
    run("db"); // passing: damping applies to a passing check

    db.fail("refused");
    run("db");
    // The check itself still passes (1 failure of 3), but the rule counts the run: it fires.
    assertThat(registry.latest("db").status()).isEqualTo(HealthStatus.PASS);
    assertThat(ops.lines()).containsExactly("firing db");
  }

  @Test
  void warnAlertsOnlyForRulesOnWarn() {
    ScriptedCheck cache = check("cache");
    RecordingSink other = new RecordingSink("other");
    Alerting alerting = result(Alerting.create(vertx, registry, quick()
        .addRule(new AlertRuleOptions().setName("fails").setChannels(List.of("ops")))
        .addRule(new AlertRuleOptions().setName("warns").setOn(AlertRuleOptions.On.WARN).setChannels(List.of("other"))),
      Map.of("ops", ops, "other", other), clock, "web-1", null));
    alertings.add(alerting);

    cache.warn("slow");
    run("cache");
    assertThat(ops.lines()).isEmpty();
    assertThat(other.lines()).containsExactly("firing cache");
    assertThat(other.received().get(0).alert().status()).isEqualTo(HealthStatus.WARN);
    assertThat(other.received().get(0).alert().labels()).doesNotContainKey("application")
      .containsEntry("alertname", "VitalsCheckWarning");
  }

  @Test
  void remindsEveryRepeatEveryWhileItFires() {
    ScriptedCheck db = check("db");
    alerting(quick().addRule(new AlertRuleOptions().setName("db").setRepeatEvery(60_000)));
    db.fail("refused");
    run("db");
    assertThat(ops.lines()).containsExactly("firing db");

    clock.advance(Duration.ofSeconds(59));
    clock.awaitReads(5);
    assertThat(ops.lines()).containsExactly("firing db");
    clock.advance(Duration.ofSeconds(1));
    until(() -> ops.received().size() == 2, () -> ops.lines().toString());
    assertThat(ops.lines()).containsExactly("firing db", "reminder db");
    assertThat(ops.received().get(1).timestamp()).isEqualTo(START.plusSeconds(60));
    clock.awaitReads(5);
    assertThat(ops.lines()).hasSize(2); // once per period, not once per evaluation
    clock.advance(Duration.ofSeconds(60));
    until(() -> ops.received().size() == 3, () -> ops.lines().toString());

    db.pass();
    run("db");
    clock.advance(Duration.ofSeconds(120));
    clock.awaitReads(5);
    assertThat(ops.lines()).containsExactly("firing db", "reminder db", "reminder db", "resolved db");
  }

  @Test
  void sendResolvedFalseKeepsTheRecoveryQuiet() {
    ScriptedCheck db = check("db");
    Alerting alerting = alerting(quick().addRule(new AlertRuleOptions().setName("db").setSendResolved(false)));
    db.fail("refused");
    run("db");
    assertThat(alerting.active()).hasSize(1);
    db.pass();
    run("db");
    assertThat(alerting.active()).isEmpty();
    assertThat(ops.lines()).containsExactly("firing db");
  }

  @Test
  void theDefaultRuleAlertsOnEveryCriticalCheckThroughEveryChannel() {
    ScriptedCheck db = check("db");
    ScriptedCheck disk = new ScriptedCheck();
    registry.register(uncached("disk").setCritical(false), disk);
    RecordingSink mail = new RecordingSink("mail");
    Alerting alerting = result(Alerting.create(vertx, registry, new AlertsOptions().setGroupWait(0),
      Map.of("ops", ops, "mail", mail), clock, "web-1", "shop"));
    alertings.add(alerting);

    db.fail("refused");
    disk.fail("95% full");
    run("");
    assertThat(ops.lines()).containsExactly("firing db");
    assertThat(mail.lines()).containsExactly("firing db");
    assertThat(ops.received().get(0).alert().rule()).isEqualTo(AlertsOptions.DEFAULT_RULE);
    assertThat(alerting.active()).extracting(active -> active.alert().check()).containsExactly("db");
  }

  @Test
  void rulesMatchByGlobTagAndCriticality() {
    for (String name : List.of("db/primary", "db/replica/1", "dbx", "cache1", "cache12")) {
      check(name).fail("down");
    }
    ScriptedCheck payments = new ScriptedCheck().fail("down");
    registry.register(uncached("payments").setCritical(false).setTags(Set.of("money", "readiness")), payments);
    ScriptedCheck ledger = new ScriptedCheck().fail("down");
    registry.register(uncached("ledger").setTags(Set.of("money")), ledger);
    ScriptedCheck web = new ScriptedCheck().fail("down");
    registry.register(uncached("web").setCritical(false), web);
    Alerting alerting = alerting(quick()
      .addRule(new AlertRuleOptions().setName("by-name").setChecks(List.of("db/*", "cache?")))
      .addRule(new AlertRuleOptions().setName("money-non-critical").setTags(List.of("money")).setCritical(false)));

    run("");
    assertThat(alerting.active()).extracting(active -> active.alert().check() + " " + active.alert().rule())
      .containsExactlyInAnyOrder("db/primary by-name", "db/replica/1 by-name", "cache1 by-name",
        "payments money-non-critical");
  }

  @Test
  void anUnregisteredCheckResolves() {
    ScriptedCheck db = check("db");
    Alerting alerting = alerting(quick());
    db.fail("refused");
    run("db");
    registry.unregister("db");
    assertThat(ops.lines()).containsExactly("firing db", "resolved db");
    assertThat(alerting.active()).isEmpty();
  }

  @Test
  void maxActiveBoundsTheActiveAlertsAndCountsTheRest() {
    check("a").fail("down");
    check("b").fail("down");
    Alerting alerting = alerting(quick().setMaxActive(1));
    run("a");
    run("b");
    assertThat(alerting.active()).extracting(active -> active.alert().check()).containsExactly("a");
    assertThat(alerting.suppressed()).containsEntry("overflow", 1L);
    assertThat(ops.lines()).containsExactly("firing a");
  }

  @Test
  void groupWaitDelaysTheFirstMessage() {
    ScriptedCheck db = check("db");
    alerting(new AlertsOptions().setGroupWait(10_000).setEvaluateEvery(5));
    db.fail("refused");
    run("db");
    clock.advance(Duration.ofSeconds(9));
    clock.awaitReads(5);
    assertThat(ops.lines()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    until(() -> ops.received().size() == 1, () -> ops.lines().toString());
    assertThat(ops.lines()).containsExactly("firing db");
  }

  @Test
  void toJsonIsGetAlerts() {
    check("db").fail("refused");
    Alerting alerting = alerting(quick());
    run("db");
    JsonObject json = alerting.toJson();
    assertThat(json.fieldNames()).containsExactly("alerts", "silences", "windows", "channels", "suppressed");
    assertThat(json.getJsonArray("alerts").getJsonObject(0).getString("check")).isEqualTo("db");
    assertThat(json.getJsonArray("alerts").getJsonObject(0).getBoolean("sent")).isTrue();
    assertThat(json.getJsonArray("alerts").getJsonObject(0).getBoolean("silenced")).isFalse();
    assertThat(json.getJsonObject("channels").getJsonObject("ops").getInteger("sent")).isEqualTo(1);
    assertThat(json.getJsonObject("suppressed")).isEqualTo(new JsonObject()
      .put("silence", 0L).put("window", 0L).put("overflow", 0L));
  }
}
