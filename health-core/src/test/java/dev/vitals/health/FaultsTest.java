package dev.vitals.health;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** Every way a procedure can go wrong becomes a failing result, and never breaks the other checks. */
@ExtendWith(VertxExtension.class)
class FaultsTest {

  private TimerRecordingVertx timers;
  private CheckRegistry registry;

  @BeforeEach
  void setUp(Vertx vertx) {
    timers = new TimerRecordingVertx(vertx);
    registry = CheckRegistry.create(timers.vertx);
    registry.register(new CheckOptions("healthy"), () -> Future.succeededFuture(ProcedureResult.pass("fine")));
  }

  @AfterEach
  void tearDown() {
    result(registry.close());
  }

  private CheckReport reportOf(String name) {
    HealthReport report = result(registry.report());
    assertThat(report.checks()).filteredOn(c -> c.name().equals("healthy"))
      .singleElement().satisfies(c -> assertThat(c.passed()).isTrue());
    return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aThrowingCheckFailsWithTheExceptionMessage() {
    registry.register(new CheckOptions("boom"), () -> {
      throw new IllegalStateException("connection pool exhausted");
    });
    CheckReport boom = reportOf("boom");
    assertThat(boom.passed()).isFalse();
    assertThat(boom.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(boom.output()).isEqualTo("connection pool exhausted");
    assertThat(boom.cause()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailedFutureFailsWithItsMessage() {
    registry.register(new CheckOptions("refused"),
      () -> Future.failedFuture(new java.net.ConnectException("Connection refused")));
    CheckReport refused = reportOf("refused");
    assertThat(refused.passed()).isFalse();
    assertThat(refused.output()).isEqualTo("Connection refused");
  }

  @Test
  void anExceptionWithoutMessageIsNamedByItsType() {
    registry.register(new CheckOptions("npe"), () -> Future.failedFuture(new NullPointerException()));
    assertThat(reportOf("npe").output()).isEqualTo("NullPointerException");
  }

  @Test
  void aNullFutureOrANullResultFails() {
    registry.register(new CheckOptions("no-future"), () -> null);
    registry.register(new CheckOptions("no-result"), () -> Future.succeededFuture(null));
    assertThat(reportOf("no-future").output()).isEqualTo("check returned no future");
    assertThat(reportOf("no-result").output()).isEqualTo("check completed with no result");
    assertThat(reportOf("no-result").passed()).isFalse();
  }

  @Test
  void aCheckThatNeverCompletesTimesOutAndItsLateResultIsIgnored() {
    Promise<ProcedureResult> never = Promise.promise();
    registry.register(new CheckOptions("hang").setTimeout(50), never::future);
    CheckReport hang = reportOf("hang");
    assertThat(hang.passed()).isFalse();
    assertThat(hang.output()).isEqualTo("timed out after 50 ms");
    assertThat(hang.cause()).isInstanceOf(TimeoutException.class);

    never.complete(ProcedureResult.pass("too late"));
    assertThat(reportOf("hang").output()).isEqualTo("timed out after 50 ms");
    assertThat(timers.pending()).isEmpty();
  }

  @Test
  void aCheckThatCompletesCancelsItsTimeoutTimer() {
    registry.register(new CheckOptions("quick").setTimeout(3_600_000),
      () -> Future.succeededFuture(ProcedureResult.pass()));
    assertThat(reportOf("quick").passed()).isTrue();
    assertThat(timers.set).isNotEmpty();
    assertThat(timers.pending()).as("no timer left behind").isEmpty();
  }

  @Test
  void blockingChecksRunOnTheWorkerPoolNotAnEventLoop() {
    AtomicReference<String> thread = new AtomicReference<>();
    AtomicReference<Boolean> onEventLoop = new AtomicReference<>();
    registry.registerBlocking(new CheckOptions("jdbc"), () -> {
      thread.set(Thread.currentThread().getName());
      onEventLoop.set(Context.isOnEventLoopThread());
      return ProcedureResult.pass("select 1");
    });
    assertThat(reportOf("jdbc").output()).isEqualTo("select 1");
    assertThat(onEventLoop.get()).isFalse();
    assertThat(thread.get()).startsWith(CheckRegistryOptions.BLOCKING_POOL_NAME);
  }

  @Test
  void aBlockingCheckThatThrowsOrHangsFails() {
    registry.registerBlocking(new CheckOptions("io"), () -> {
      throw new java.io.IOException("disk unreadable");
    });
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    registry.registerBlocking(new CheckOptions("stuck").setTimeout(50), () -> {
      release.await();
      return ProcedureResult.pass();
    });
    assertThat(reportOf("io").output()).isEqualTo("disk unreadable");
    assertThat(reportOf("stuck").output()).isEqualTo("timed out after 50 ms");
    release.countDown();
  }

  @Test
  void faultsStayCachedForTheFailureTtl() {
    java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
    registry.register(new CheckOptions("boom"), () -> {
      runs.incrementAndGet();
      throw new IllegalStateException("x");
    });
    reportOf("boom");
    reportOf("boom");
    assertThat(runs.get()).isEqualTo(1);
  }
}
