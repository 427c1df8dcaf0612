package dev.vitals.health;

import dev.vitals.health.test.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link CheckRegistry#isCurrent}: a report stays current exactly while a new one would hold the same results. */
@ExtendWith(VertxExtension.class)
class CurrentReportTest {

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

  @Test
  void currentUntilTheFirstResultExpiresThenUntilMaxStaleThenUntilTheRefreshStores() {
    Promise<ProcedureResult> refresh = Promise.promise();
    CountingCheck db = new CountingCheck();
    registry.register(new CheckOptions("db").setSuccessTtl(10_000).setMaxStale(5_000),
      () -> db.runs() == 0 ? db.run() : refresh.future());
    registry.register(new CheckOptions("cache").setSuccessTtl(20_000), new CountingCheck());

    HealthReport first = result(registry.report());
    assertThat(first.freshUntil()).isEqualTo(first.checks().get(0).expires());
    clock.advanceMillis(9_999);
    assertThat(registry.isCurrent(first)).isTrue();
    assertThat(result(registry.report()).checks()).isEqualTo(first.checks());

    clock.advanceMillis(1);
    assertThat(registry.isCurrent(first)).as("db expired: a new report shows it stale").isFalse();
    HealthReport stale = result(registry.report());
    assertThat(stale.checks().get(0).stale()).isTrue();
    assertThat(stale.freshUntil()).isEqualTo(first.checks().get(0).expires() + 5_000);
    clock.advanceMillis(4_999);
    assertThat(registry.isCurrent(stale)).isTrue();
    assertThat(result(registry.report()).checks()).isEqualTo(stale.checks());

    refresh.complete(ProcedureResult.pass("second"));
    assertThat(registry.isCurrent(stale)).as("the refresh stored a result").isFalse();
    HealthReport refreshed = result(registry.report());
    assertThat(refreshed.checks().get(0).output()).isEqualTo("second");
    assertThat(registry.isCurrent(refreshed)).isTrue();
  }

  @Test
  void registeringOrUnregisteringEndsIt() {
    registry.register(new CheckOptions("db"), new CountingCheck());
    HealthReport report = result(registry.report());
    assertThat(registry.isCurrent(report)).isTrue();
    registry.register(new CheckOptions("cache"), new CountingCheck());
    assertThat(registry.isCurrent(report)).isFalse();
    report = result(registry.report());
    registry.unregister("cache");
    assertThat(registry.isCurrent(report)).isFalse();
  }

  @Test
  void aResultThatIsNotCachedIsNeverCurrentAndOtherReportsNeitherAre(Vertx vertx) {
    registry.register(new CheckOptions("passive").setSuccessTtl(0).setFailureTtl(0), new CountingCheck());
    assertThat(registry.isCurrent(result(registry.report()))).isFalse();

    CheckRegistry other = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock));
    other.register(new CheckOptions("db"), new CountingCheck());
    HealthReport theirs = result(other.report());
    assertThat(other.isCurrent(theirs)).isTrue();
    assertThat(registry.isCurrent(theirs)).isFalse();
    assertThat(registry.isCurrent(new HealthReport(theirs.checks(), clock.millis()))).isFalse();
    result(other.close());
  }

  @Test
  void aPeriodicCheckServedStaleStaysCurrentUntilItsNextRun() {
    CountingCheck check = new CountingCheck();
    registry.register(new CheckOptions("disk").setRefreshPeriod(3_600_000).setSuccessTtl(1_000), check);
    HealthReport fresh = result(registry.report());
    clock.advanceMillis(1_000);
    HealthReport stale = result(registry.report());
    assertThat(stale.checks().get(0).stale()).isTrue();
    assertThat(stale.freshUntil()).isEqualTo(Long.MAX_VALUE);
    assertThat(registry.isCurrent(fresh)).isFalse();
    assertThat(registry.isCurrent(stale)).isTrue();
  }

  @Test
  void namesAreNormalisedAsRequestsSpellThem() {
    assertThat(CheckRegistry.normalizeName("/db//primary/")).isEqualTo("db/primary");
    assertThat(CheckRegistry.normalizeName("db/ /\t/primary/%20")).isEqualTo("db/primary/%20");
    assertThat(CheckRegistry.normalizeName(" / ")).isEmpty();
    assertThat(CheckRegistry.normalizeName("my check")).isEqualTo("my check");
  }
}
