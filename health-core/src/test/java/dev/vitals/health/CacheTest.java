package dev.vitals.health;

import dev.vitals.health.test.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** TTLs, single flight, serve-stale and periodic refresh, with an injected clock. */
@ExtendWith(VertxExtension.class)
class CacheTest {

  private final MutableClock clock = new MutableClock();
  private CheckRegistry registry;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock));
  }

  @AfterEach
  void tearDown() {
    result(registry.close());
  }

  private CheckReport only(Future<HealthReport> report) {
    List<CheckReport> checks = result(report).checks();
    assertThat(checks).hasSize(1);
    return checks.get(0);
  }

  @Test
  void passingResultIsReusedForTheSuccessTtl() {
    CountingCheck check = new CountingCheck();
    registry.register(new CheckOptions("db").setMaxStale(0), check);

    CheckReport first = only(registry.report());
    clock.advanceMillis(CheckOptions.DEFAULT_SUCCESS_TTL - 1);
    CheckReport second = only(registry.report());

    assertThat(check.runs()).isEqualTo(1);
    assertThat(second).isSameAs(first);
    assertThat(first.expires() - first.timestamp()).isEqualTo(27_000);

    clock.advanceMillis(1);
    CheckReport third = only(registry.report());
    assertThat(check.runs()).isEqualTo(2);
    assertThat(third.output()).isEqualTo("run 2");
    assertThat(third.stale()).isFalse();
  }

  @Test
  void failingResultIsReusedForTheShorterFailureTtl() {
    CountingCheck check = new CountingCheck().then(ProcedureResult.fail("down"));
    registry.register(new CheckOptions("db").setMaxStale(0), check);

    CheckReport failed = only(registry.report());
    assertThat(failed.passed()).isFalse();
    assertThat(failed.expires() - failed.timestamp()).isEqualTo(9_000);

    clock.advanceMillis(8_999);
    only(registry.report());
    assertThat(check.runs()).isEqualTo(1);

    clock.advanceMillis(1);
    assertThat(only(registry.report()).passed()).isTrue();
    assertThat(check.runs()).isEqualTo(2);
  }

  @Test
  void ttlsAreConfigurablePerCheck() {
    CountingCheck check = new CountingCheck();
    registry.register(new CheckOptions("db").setSuccessTtl(1_000).setMaxStale(0), check);
    only(registry.report());
    clock.advanceMillis(1_000);
    only(registry.report());
    assertThat(check.runs()).isEqualTo(2);
  }

  @Test
  void zeroTtlDisablesCachingAndServeStale() {
    CountingCheck check = new CountingCheck();
    registry.register(new CheckOptions("db").setSuccessTtl(0), check);
    for (int i = 0; i < 5; i++) {
      assertThat(only(registry.report()).stale()).isFalse();
    }
    assertThat(check.runs()).isEqualTo(5);
  }

  @Test
  void concurrentRequestsOnAnExpiredEntryShareOneRun() {
    CountingCheck check = new CountingCheck();
    registry.register(new CheckOptions("db").setMaxStale(0), check);
    only(registry.report());
    clock.advanceMillis(30_000);
    check.hold(true);

    List<Future<HealthReport>> requests = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      requests.add(registry.report());
    }
    assertThat(requests).noneMatch(Future::isComplete);
    assertThat(check.runs()).isEqualTo(2);

    check.complete(ProcedureResult.pass("fresh"));
    for (Future<HealthReport> request : requests) {
      assertThat(only(request).output()).isEqualTo("fresh");
    }
    assertThat(check.runs()).isEqualTo(2);
  }

  @Test
  void concurrentRequestsFromManyThreadsShareOneRun(Vertx vertx) throws Exception {
    CountingCheck check = new CountingCheck().hold(true);
    registry.register(new CheckOptions("db"), check);
    List<Thread> threads = new ArrayList<>();
    List<Future<HealthReport>> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> {
        for (int j = 0; j < 50; j++) {
          requests.add(registry.report());
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(check.runs()).isEqualTo(1);
    check.complete(ProcedureResult.pass("once"));
    assertThat(requests).hasSize(400).allSatisfy(r -> assertThat(only(r).output()).isEqualTo("once"));
  }

  @Test
  void expiredResultIsServedStaleWhileOneRefreshRunsBehindIt() {
    CountingCheck check = new CountingCheck();
    registry.register(new CheckOptions("db").setMaxStale(60_000), check);
    CheckReport first = only(registry.report());

    clock.advanceMillis(27_000 + 30_000);
    check.hold(true);
    CheckReport stale1 = only(registry.report());
    CheckReport stale2 = only(registry.report());

    assertThat(stale1.stale()).isTrue();
    assertThat(stale1.output()).isEqualTo(first.output());
    assertThat(stale1.timestamp()).isEqualTo(first.timestamp());
    assertThat(stale2.stale()).isTrue();
    assertThat(check.runs()).as("one refresh behind however many requests").isEqualTo(2);

    check.complete(ProcedureResult.pass("refreshed"));
    CheckReport fresh = only(registry.report());
    assertThat(fresh.stale()).isFalse();
    assertThat(fresh.output()).isEqualTo("refreshed");
    assertThat(check.runs()).isEqualTo(2);
  }

  @Test
  void beyondMaxStaleRequestsWaitForTheFreshRun() {
    CountingCheck check = new CountingCheck();
    registry.register(new CheckOptions("db").setMaxStale(10_000), check);
    only(registry.report());

    clock.advanceMillis(27_000 + 10_000);
    check.hold(true);
    Future<HealthReport> waiting = registry.report();
    assertThat(waiting.isComplete()).as("no stale answer past maxStale").isFalse();

    check.complete(ProcedureResult.pass("fresh"));
    CheckReport fresh = only(waiting);
    assertThat(fresh.stale()).isFalse();
    assertThat(fresh.output()).isEqualTo("fresh");
  }

  @Test
  void periodicCheckIsNeverRunByRequests(Vertx vertx) {
    CountingCheck check = new CountingCheck();
    registry.register(new CheckOptions("db").setRefreshPeriod(3_600_000), check);
    only(registry.report());
    clock.advanceMillis(10 * 60_000);
    for (int i = 0; i < 10; i++) {
      CheckReport report = only(registry.report());
      assertThat(report.stale()).as("older than its TTL: the timer is behind").isTrue();
    }
    assertThat(check.runs()).isEqualTo(1);
  }

  @Test
  void periodicCheckRefreshesOnItsTimer(Vertx vertx) throws Exception {
    java.util.concurrent.CountDownLatch thirdRun = new java.util.concurrent.CountDownLatch(3);
    registry.register(new CheckOptions("db").setRefreshPeriod(20), () -> {
      thirdRun.countDown();
      return Future.succeededFuture(ProcedureResult.pass());
    });
    assertThat(thirdRun.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void unregisterStopsThePeriodicRefresh(Vertx vertx) throws Exception {
    CountingCheck check = new CountingCheck();
    registry.register(new CheckOptions("db").setRefreshPeriod(10), check);
    registry.unregister("db");
    int runs = check.runs();
    // Another periodic check proves timers kept firing meanwhile.
    java.util.concurrent.CountDownLatch fired = new java.util.concurrent.CountDownLatch(5);
    registry.register(new CheckOptions("other").setRefreshPeriod(10), () -> {
      fired.countDown();
      return Future.succeededFuture(ProcedureResult.pass());
    });
    assertThat(fired.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(check.runs()).isEqualTo(runs);
    assertThat(registry.checks()).extracting(CheckOptions::getName).containsExactly("other");
  }

  @Test
  void resultRecordsTimestampExpiryAndDuration() {
    registry.register(new CheckOptions("db").setSuccessTtl(5_000), new CountingCheck());
    CheckReport report = only(registry.report());
    assertThat(report.timestamp()).isEqualTo(clock.millis());
    assertThat(report.expires()).isEqualTo(clock.millis() + 5_000);
    assertThat(report.durationNanos()).isNotNegative();
    assertThat(report.critical()).isTrue();
  }
}
