package dev.vitals.health.metrics;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.PassiveOptions;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.Await;
import dev.vitals.health.test.LogCapture;
import dev.vitals.health.test.MutableClock;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.webhook.WebhookNotifier;
import dev.vitals.health.web.webhook.WebhookOptions;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every meter of {@link VitalsMetrics} moves when it should, read from a {@link SimpleMeterRegistry} and, for the
 * Prometheus names, a {@link PrometheusMeterRegistry}, with time moved by hand.
 */
@ExtendWith(VertxExtension.class)
class VitalsMetricsTest {

  private static final String DB = "db/primary";

  private final MutableClock clock = new MutableClock();
  private final SimpleMeterRegistry simple = new SimpleMeterRegistry();
  private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicReference<Supplier<Future<ProcedureResult>>> procedure =
    new AtomicReference<>(() -> Future.succeededFuture(ProcedureResult.pass()));
  private final AtomicInteger runs = new AtomicInteger();
  private CheckRegistry registry;
  private VitalsMetrics metrics;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock));
    // TTLs of 10 s: a report within them serves the cache, a report after them runs the check.
    registry.register(new CheckOptions(DB).setTimeout(100).setSuccessTtl(10_000).setFailureTtl(10_000)
      .setMaxStale(0).addTag("readiness"), () -> {
        runs.incrementAndGet();
        return procedure.get().get();
      });
  }

  @AfterEach
  void tearDown() {
    Await.result(registry.close());
  }

  private void bind(VitalsMetrics binder) {
    metrics = binder;
    binder.bindTo(simple);
    binder.bindTo(prometheus);
  }

  /** Runs the check once more: the cached result has expired. */
  private void run(Supplier<Future<ProcedureResult>> next) {
    procedure.set(next);
    clock.advanceMillis(10_001);
    Await.result(registry.report(DB));
  }

  private double gauge(String name, String... tags) {
    return simple.get(name).tags(tags).gauge().value();
  }

  private double counter(String name, String... tags) {
    return simple.get(name).tags(tags).counter().count();
  }

  private Map<String, Double> status(String check) {
    return Map.of("pass", gauge("vitals.check.status", "check", check, "status", "pass"),
      "warn", gauge("vitals.check.status", "check", check, "status", "warn"),
      "fail", gauge("vitals.check.status", "check", check, "status", "fail"));
  }

  private double runs(String status) {
    return counter("vitals.check.runs", "check", DB, "status", status);
  }

  private long durations() {
    return simple.get("vitals.check.duration").tags("check", DB).timer().count();
  }

  private double changes() {
    return counter("vitals.check.status.changes", "check", DB);
  }

  @Test
  void everyCheckMeterMovesOnPassWarnFailAndTimeout() {
    bind(VitalsMetrics.create(registry, clock));
    assertThat(status(DB)).containsValues(0.0, 0.0, 0.0).doesNotContainValue(1.0);
    assertThat(gauge("vitals.check.result.age", "check", DB)).isNaN();

    run(() -> Future.succeededFuture(ProcedureResult.pass()));
    assertThat(status(DB)).isEqualTo(Map.of("pass", 1.0, "warn", 0.0, "fail", 0.0));
    assertThat(runs("pass")).isEqualTo(1);
    assertThat(durations()).isEqualTo(1);
    assertThat(changes()).isZero(); // a first result that passes is no change
    clock.advance(Duration.ofSeconds(5));
    assertThat(gauge("vitals.check.result.age", "check", DB)).isEqualTo(5.0);

    run(() -> Future.succeededFuture(ProcedureResult.warn("slow")));
    assertThat(status(DB)).isEqualTo(Map.of("pass", 0.0, "warn", 1.0, "fail", 0.0));
    assertThat(runs("warn")).isEqualTo(1);
    assertThat(changes()).isEqualTo(1);
    assertThat(gauge("vitals.check.result.age", "check", DB)).isZero();

    run(() -> Future.succeededFuture(ProcedureResult.fail("refused")));
    assertThat(status(DB)).isEqualTo(Map.of("pass", 0.0, "warn", 0.0, "fail", 1.0));
    assertThat(runs("fail")).isEqualTo(1);
    assertThat(changes()).isEqualTo(2);

    run(() -> Future.succeededFuture(ProcedureResult.pass()));
    run(() -> Promise.<ProcedureResult>promise().future()); // never completes: times out after 100 ms
    assertThat(status(DB)).isEqualTo(Map.of("pass", 0.0, "warn", 0.0, "fail", 1.0));
    assertThat(runs("fail")).as("a timeout counts as a failing run").isEqualTo(2);
    assertThat(runs("pass")).isEqualTo(2);
    assertThat(durations()).isEqualTo(5);
    assertThat(simple.get("vitals.check.duration").tags("check", DB).timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
      .as("the timed-out run lasted its timeout").isGreaterThanOrEqualTo(100);
    assertThat(changes()).isEqualTo(4);

    run(() -> {
      throw new IllegalStateException("boom");
    });
    assertThat(runs("fail")).as("a fault counts as a failing run").isEqualTo(3);

    // The Prometheus form: names, labels (the check's / kept) and units.
    String scrape = prometheus.scrape();
    assertThat(scrape)
      .contains("vitals_check_status{check=\"db/primary\",status=\"fail\"} 1.0")
      .contains("vitals_check_status{check=\"db/primary\",status=\"pass\"} 0.0")
      .contains("vitals_check_runs_total{check=\"db/primary\",status=\"fail\"} 3.0")
      .contains("vitals_check_duration_seconds_count{check=\"db/primary\"} 6")
      .contains("vitals_check_duration_seconds_sum{check=\"db/primary\"}")
      .contains("vitals_check_duration_seconds_max{check=\"db/primary\"}")
      .contains("vitals_check_result_age_seconds{check=\"db/primary\"} 0.0")
      .contains("vitals_check_status_changes_total{check=\"db/primary\"} 4.0");
  }

  @Test
  void dampedRunsCountWhatTheRunFoundWhileTheStatusHolds(Vertx vertx) {
    registry.register(new CheckOptions("flaky").setFailureThreshold(2).setSuccessTtl(0).setFailureTtl(0),
      () -> Future.succeededFuture(runs.incrementAndGet() == 1 ? ProcedureResult.pass() : ProcedureResult.fail("x")));
    bind(VitalsMetrics.create(registry, clock));
    Await.result(registry.report("flaky"));
    Await.result(registry.report("flaky"));
    assertThat(counter("vitals.check.runs", "check", "flaky", "status", "fail")).isEqualTo(1);
    assertThat(status("flaky")).containsEntry("pass", 1.0); // 1 failing run of 2: still passing
    Await.result(registry.report("flaky"));
    assertThat(status("flaky")).containsEntry("fail", 1.0);
    assertThat(counter("vitals.check.status.changes", "check", "flaky")).isEqualTo(1);
  }

  @Test
  void observedAndAvailableSecondsCountTheTimeOfEachStatus() {
    bind(VitalsMetrics.create(registry, clock));
    run(() -> Future.succeededFuture(ProcedureResult.pass()));
    clock.advance(Duration.ofSeconds(90));
    run(() -> Future.succeededFuture(ProcedureResult.fail("refused"))); // passed for 100.001 s
    clock.advance(Duration.ofSeconds(50));
    assertThat(simple.get("vitals.check.observed").tags("check", DB).functionCounter().count()).isEqualTo(150.001);
    assertThat(simple.get("vitals.check.available").tags("check", DB).functionCounter().count()).isEqualTo(100.001);
    assertThat(prometheus.scrape())
      .contains("vitals_check_observed_seconds_total{check=\"db/primary\"} 150.001")
      .contains("vitals_check_available_seconds_total{check=\"db/primary\"} 100.001");
  }

  @Test
  void aScrapeNeverRunsACheck() {
    bind(VitalsMetrics.create(registry, clock));
    run(() -> Future.succeededFuture(ProcedureResult.pass()));
    int before = runs.get();
    clock.advance(Duration.ofHours(1)); // long expired: a /health request would run it
    for (int i = 0; i < 5; i++) {
      prometheus.scrape();
      status(DB);
    }
    assertThat(runs.get()).isEqualTo(before);
    assertThat(gauge("vitals.check.result.age", "check", DB)).isEqualTo(3600.0);
  }

  @Test
  void checksRegisteredLaterGetMetersAndUnregisteredOnesLoseThem() {
    bind(VitalsMetrics.create(registry, clock));
    registry.register(new CheckOptions("cache"), () -> Future.succeededFuture(ProcedureResult.pass()));
    Await.result(registry.report("cache"));
    assertThat(status("cache")).containsEntry("pass", 1.0);
    assertThat(counter("vitals.check.runs", "check", "cache", "status", "pass")).isEqualTo(1);

    registry.unregister("cache");
    assertThat(simple.find("vitals.check.status").tag("check", "cache").meters()).isEmpty();
    assertThat(simple.find("vitals.check.runs").tag("check", "cache").meters()).isEmpty();
    assertThat(prometheus.scrape()).doesNotContain("check=\"cache\"").contains("check=\"db/primary\"");

    registry.register(new CheckOptions("cache"), () -> Future.succeededFuture(ProcedureResult.fail("cold")));
    Await.result(registry.report("cache"));
    assertThat(status("cache")).containsEntry("fail", 1.0);

    metrics.close();
    assertThat(simple.getMeters()).isEmpty();
    assertThat(prometheus.scrape()).doesNotContain("vitals_");
  }

  @Test
  void maintenanceFlipMovesTheMaintenanceAndReadinessGauges(Vertx vertx) {
    MaintenanceSource maintenance = MaintenanceSource.local(clock);
    HealthHandler health = HealthHandler.create(registry).maintenance(maintenance);
    bind(VitalsMetrics.create(registry, clock).maintenance(maintenance).probes(health));
    run(() -> Future.succeededFuture(ProcedureResult.pass()));
    assertThat(gauge("vitals.maintenance")).isZero();
    assertThat(gauge("vitals.maintenance.stale")).isZero();
    assertThat(gauge("vitals.probe.status", "probe", "ready", "status", "pass")).isEqualTo(1);
    assertThat(gauge("vitals.probe.status", "probe", "live", "status", "pass"))
      .as("no check tagged liveness: an empty probe passes").isEqualTo(1);

    Await.result(maintenance.enable("kernel upgrade"));
    assertThat(gauge("vitals.maintenance")).isEqualTo(1);
    assertThat(gauge("vitals.probe.status", "probe", "ready", "status", "fail")).isEqualTo(1);
    assertThat(gauge("vitals.probe.status", "probe", "ready", "status", "pass")).isZero();
    assertThat(gauge("vitals.probe.status", "probe", "health", "status", "pass")).isEqualTo(1);

    Await.result(maintenance.disable());
    assertThat(gauge("vitals.maintenance")).isZero();
    assertThat(gauge("vitals.probe.status", "probe", "ready", "status", "pass")).isEqualTo(1);

    run(() -> Future.succeededFuture(ProcedureResult.fail("down")));
    assertThat(gauge("vitals.probe.status", "probe", "health", "status", "fail")).isEqualTo(1);
    health.startDrain();
    assertThat(gauge("vitals.probe.status", "probe", "ready", "status", "fail")).isEqualTo(1);
    assertThat(prometheus.scrape()).contains("vitals_maintenance 0.0")
      .contains("vitals_probe_status{probe=\"ready\",status=\"fail\"} 1.0");
  }

  @Test
  void passiveReportAgeFollowsReports(Vertx vertx) {
    PassiveChecks passive = PassiveChecks.create(vertx, registry, clock);
    passive.add(new CheckOptions("nightly"), new PassiveOptions().setPeriod(3_600_000).setGrace(60_000));
    bind(VitalsMetrics.create(registry, clock).passive(passive));
    assertThat(simple.find("vitals.passive.last.report.age").tag("check", DB).meters())
      .as("only passive checks").isEmpty();
    clock.advance(Duration.ofSeconds(30));
    assertThat(gauge("vitals.passive.last.report.age", "check", "nightly")).as("since it was added").isEqualTo(30.0);
    passive.report("nightly", HealthStatus.PASS, "done", null);
    assertThat(gauge("vitals.passive.last.report.age", "check", "nightly")).isZero();
    clock.advance(Duration.ofMinutes(2));
    assertThat(gauge("vitals.passive.last.report.age", "check", "nightly")).isEqualTo(120.0);

    passive.add(new CheckOptions("hourly"), new PassiveOptions());
    assertThat(gauge("vitals.passive.last.report.age", "check", "hourly")).as("added after binding").isZero();
    passive.remove("hourly");
    assertThat(simple.find("vitals.passive.last.report.age").tag("check", "hourly").meters()).isEmpty();
    passive.close();
  }

  @Test
  void webhookDeliveriesAreCountedByResult(Vertx vertx) throws Exception {
    AtomicInteger posts = new AtomicInteger();
    HttpServer receiver = Await.result(vertx.createHttpServer()
      .requestHandler(req -> req.response().setStatusCode(posts.incrementAndGet() == 1 ? 200 : 500).end())
      .listen(0, "127.0.0.1"));
    WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions()
      .setUrl("http://127.0.0.1:" + receiver.actualPort() + "/hook").setRetries(1).setRetryDelay(1));
    registry.addListener(change -> {
      if (change.kind() == dev.vitals.health.StatusChange.Kind.CHECK) {
        notifier.notify(change);
      }
    });
    bind(VitalsMetrics.create(registry, clock).webhook(notifier));
    for (String result : List.of("delivered", "retried", "failed", "dropped")) {
      assertThat(simple.get("vitals.webhook.deliveries").tag("result", result).functionCounter().count()).isZero();
    }
    try (LogCapture log = LogCapture.of(WebhookNotifier.class.getName())) {
      run(() -> Future.succeededFuture(ProcedureResult.fail("down"))); // delivered at once
      Await.until(() -> notifier.queued() == 0, () -> "the first change delivered");
      run(() -> Future.succeededFuture(ProcedureResult.pass())); // answered 500, retried once, given up
      Await.until(() -> notifier.failed() == 1, () -> "the second change given up");
      assertThat(log.messages()).singleElement().asString().startsWith("WARNING: Webhook http://127.0.0.1:");
    }
    assertThat(simple.get("vitals.webhook.deliveries").tag("result", "delivered").functionCounter().count()).isEqualTo(1);
    assertThat(simple.get("vitals.webhook.deliveries").tag("result", "retried").functionCounter().count()).isEqualTo(1);
    assertThat(simple.get("vitals.webhook.deliveries").tag("result", "failed").functionCounter().count()).isEqualTo(1);
    assertThat(prometheus.scrape()).contains("vitals_webhook_deliveries_total{result=\"delivered\"} 1.0");
    Await.result(notifier.close());
    Await.result(receiver.close());
  }

  @Test
  void fleetGaugesFollowTheViewAndTheQuorum() {
    java.util.concurrent.atomic.AtomicReference<dev.vitals.health.fleet.FleetView> view = new AtomicReference<>();
    dev.vitals.health.fleet.FleetSource source = new dev.vitals.health.fleet.FleetSource() {
      @Override
      public dev.vitals.health.fleet.FleetView view() {
        return view.get();
      }

      @Override
      public dev.vitals.health.fleet.FleetSource addListener(io.vertx.core.Handler<dev.vitals.health.fleet.FleetView> l) {
        return this;
      }

      @Override
      public long rejectedMessages() {
        return 7;
      }

      @Override
      public Future<Void> close() {
        return Future.succeededFuture();
      }
    };
    java.util.function.BiFunction<String, dev.vitals.health.fleet.FleetMember.State, dev.vitals.health.fleet.FleetMember>
      member = (name, state) -> new dev.vitals.health.fleet.FleetMember(new dev.vitals.health.fleet.NodeStatus(name,
      "orders", name, dev.vitals.health.HealthStatus.PASS, true, java.util.Map.of(), java.util.List.of(), false, null,
      java.time.Instant.EPOCH), java.time.Instant.EPOCH, state, false);
    view.set(new dev.vitals.health.fleet.FleetView("cluster", java.util.List.of(
      member.apply("a", dev.vitals.health.fleet.FleetMember.State.UP),
      member.apply("b", dev.vitals.health.fleet.FleetMember.State.UP),
      member.apply("c", dev.vitals.health.fleet.FleetMember.State.MISSING)), java.time.Instant.EPOCH, false, null));
    bind(VitalsMetrics.create(registry, clock).fleet(source, dev.vitals.health.fleet.Quorum.count(2)));

    assertThat(gauge("vitals.fleet.instances", "state", "up")).isEqualTo(2);
    assertThat(gauge("vitals.fleet.instances", "state", "missing")).isEqualTo(1);
    assertThat(gauge("vitals.fleet.instances", "state", "left")).isZero();
    assertThat(gauge("vitals.fleet.ready.instances")).isEqualTo(2);
    assertThat(gauge("vitals.fleet.quorum.met")).isEqualTo(1);
    assertThat(gauge("vitals.fleet.stale")).isZero();

    view.set(new dev.vitals.health.fleet.FleetView("consul", java.util.List.of(
      member.apply("a", dev.vitals.health.fleet.FleetMember.State.UP),
      member.apply("b", dev.vitals.health.fleet.FleetMember.State.LEFT)), java.time.Instant.EPOCH, true, "down"));
    assertThat(gauge("vitals.fleet.quorum.met")).isZero();
    assertThat(gauge("vitals.fleet.stale")).isEqualTo(1);
    assertThat(prometheus.scrape()).contains("vitals_fleet_instances{state=\"left\"} 1.0")
      .contains("vitals_fleet_ready_instances 1.0").contains("vitals_fleet_quorum_met 0.0")
      .contains("vitals_fleet_rejected_messages_total 7.0");
  }

  @Test
  void sourcesAreConfiguredBeforeBinding() {
    bind(VitalsMetrics.create(registry, clock));
    assertThatThrownBy(() -> metrics.maintenance(MaintenanceSource.local()))
      .isInstanceOf(IllegalStateException.class).hasMessageContaining("before bindTo");
    Set<String> names = new java.util.TreeSet<>();
    for (Meter meter : simple.getMeters()) {
      names.add(meter.getId().getName());
    }
    assertThat(names).containsExactly("vitals.check.available", "vitals.check.duration", "vitals.check.observed",
      "vitals.check.result.age", "vitals.check.runs", "vitals.check.status", "vitals.check.status.changes");
  }
}
