package dev.vitals.health;

import dev.vitals.health.test.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Period, grace and failure reports of passive checks, with an injected clock. */
@ExtendWith(VertxExtension.class)
class PassiveChecksTest {

  private final MutableClock clock = new MutableClock();
  private CheckRegistry registry;
  private PassiveChecks passive;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock));
    passive = PassiveChecks.create(vertx, registry, clock);
    passive.add(new CheckOptions("backup"), new PassiveOptions().setPeriod(60_000).setGrace(30_000));
  }

  @AfterEach
  void tearDown() {
    passive.close();
    result(registry.close());
  }

  private CheckReport backup() {
    return result(registry.report("backup")).checks().get(0);
  }

  @Test
  void passesWithinPeriodPlusGraceAndFailsAfter() {
    assertThat(backup().output()).isEqualTo("no report yet");
    clock.advanceMillis(90_000);
    assertThat(backup().passed()).as("exactly period + grace").isTrue();
    clock.advanceMillis(1_000);
    CheckReport silent = backup();
    assertThat(silent.passed()).isFalse();
    assertThat(silent.output()).isEqualTo("no report for 91 s");
  }

  @Test
  void goodReportsKeepItPassingAndRestartTheClock() {
    for (int i = 0; i < 5; i++) {
      clock.advanceMillis(80_000);
      passive.report("backup", HealthStatus.PASS, "run " + i + " ok", null);
    }
    CheckReport report = backup();
    assertThat(report.passed()).isTrue();
    assertThat(report.output()).isEqualTo("run 4 ok");
  }

  @Test
  void aFailureReportFailsAtOnceUntilTheNextGoodOne() {
    passive.report("backup", HealthStatus.FAIL, "disk full", new JsonObject().put("exc_text", "Traceback ..."));
    CheckReport failed = backup();
    assertThat(failed.passed()).isFalse();
    assertThat(failed.output()).isEqualTo("disk full");
    assertThat(failed.data().getString("exc_text")).isEqualTo("Traceback ...");
    clock.advanceMillis(10_000);
    assertThat(backup().output()).as("still failed, not silent").isEqualTo("disk full");
    passive.report("backup", HealthStatus.PASS, "ok again", null);
    assertThat(backup().passed()).isTrue();
  }

  @Test
  void aWarnReportWarns() {
    passive.report("backup", HealthStatus.WARN, "slow", null);
    assertThat(result(registry.report()).status()).isEqualTo(HealthStatus.WARN);
  }

  @Test
  void unknownNamesAndPlainChecksAreRefused() {
    registry.register(new CheckOptions("db"), () -> io.vertx.core.Future.succeededFuture(ProcedureResult.pass()));
    assertThatThrownBy(() -> passive.report("db", HealthStatus.PASS, "", null))
      .isInstanceOf(NoSuchElementException.class).hasMessage("Passive check not found: db");
    assertThat(passive.options("db")).isNull();
    assertThat(passive.options("backup").getPeriod()).isEqualTo(60_000);
  }

  @Test
  void aFailureReportIsPublishedAtOnce() {
    List<StatusChange> changes = new CopyOnWriteArrayList<>();
    registry.addListener(changes::add);
    backup();
    passive.report("backup", HealthStatus.FAIL, "disk full", null);
    assertThat(changes).extracting(StatusChange::kind, StatusChange::name, StatusChange::from, StatusChange::to)
      .containsExactly(
        org.assertj.core.groups.Tuple.tuple(StatusChange.Kind.CHECK, "backup", "pass", "fail"),
        org.assertj.core.groups.Tuple.tuple(StatusChange.Kind.OVERALL, "overall", "pass", "fail"));
  }

  @Test
  void silenceIsNoticedByTheDeadlineTimerWithoutPolling(Vertx vertx) throws Exception {
    List<StatusChange> changes = new CopyOnWriteArrayList<>();
    registry.addListener(changes::add);
    java.util.concurrent.CountDownLatch failed = new java.util.concurrent.CountDownLatch(1);
    registry.addListener(change -> {
      if (change.name().equals("quick") && "fail".equals(change.to())) {
        failed.countDown();
      }
    });
    clock.advanceMillis(1);
    passive.add(new CheckOptions("quick"), new PassiveOptions().setPeriod(50).setGrace(0));
    // The real timer fires after 51 ms; by then the injected clock must also have moved past the deadline.
    clock.advanceMillis(1_000);
    assertThat(failed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(changes.stream().filter(c -> c.name().equals("quick")).findFirst().orElseThrow().output())
      .startsWith("no report for");
  }
}
