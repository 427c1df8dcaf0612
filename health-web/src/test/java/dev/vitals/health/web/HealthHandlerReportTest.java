package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.MutableClock;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link HealthHandler#report(String)} and {@link HealthHandler#addChangeListener}: what other protocols serve. */
@ExtendWith(VertxExtension.class)
class HealthHandlerReportTest {

  private final MutableClock clock = new MutableClock();
  private final AtomicReference<ProcedureResult> db = new AtomicReference<>(ProcedureResult.pass());
  private CheckRegistry registry;
  private MaintenanceSource maintenance;
  private HealthHandler handler;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock));
    registry.register(new CheckOptions("db/primary").addTag("readiness").setSuccessTtl(1_000).setFailureTtl(1_000)
      .setMaxStale(0), () -> Future.succeededFuture(db.get()));
    registry.register(new CheckOptions("heap").addTag("liveness"), () -> Future.succeededFuture(ProcedureResult.pass()));
    maintenance = MaintenanceSource.local();
    handler = HealthHandler.create(registry).maintenance(maintenance);
  }

  @AfterEach
  void tearDown() {
    result(registry.close());
  }

  private static String names(HealthReport report) {
    return String.join(",", report.checks().stream().map(CheckReport::name).toList());
  }

  @Test
  void reportsWhatThePathOfTheSameNameShows() {
    assertThat(names(result(handler.report("")))).isEqualTo("db/primary,heap");
    assertThat(names(result(handler.report("live")))).isEqualTo("heap");
    assertThat(names(result(handler.report("/ready/")))).isEqualTo("db/primary");
    assertThat(names(result(handler.report("db")))).isEqualTo("db/primary");
    assertThat(failure(handler.report("nope"))).isInstanceOf(NoSuchElementException.class)
      .hasMessage("Check not found: nope");
    assertThat(failure(handler.report("heap/x"))).isInstanceOf(IllegalArgumentException.class);

    result(maintenance.enable("upgrade"));
    HealthReport ready = result(handler.report("ready"));
    assertThat(ready.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(names(ready)).isEqualTo("db/primary,maintenance");
    assertThat(result(handler.report("live")).status()).isEqualTo(HealthStatus.PASS);
    result(maintenance.disable());
    handler.startDrain();
    assertThat(names(result(handler.report("ready")))).isEqualTo("db/primary,shutdown");
    assertThat(result(handler.report("")).status()).isEqualTo(HealthStatus.PASS);
  }

  @Test
  void listenersHearStatusChangesMaintenanceAndDrainingNotRunsThatChangeNothing() {
    AtomicInteger heard = new AtomicInteger();
    handler.addChangeListener(v -> heard.incrementAndGet());
    handler.addChangeListener(v -> {
      throw new IllegalStateException("a faulty listener does not stop the others");
    });
    result(handler.report(""));
    clock.advanceMillis(1_000);
    result(handler.report("db"));
    assertThat(heard).as("passing runs, no change").hasValue(0);

    db.set(ProcedureResult.fail("down"));
    clock.advanceMillis(1_000);
    result(handler.report("db"));
    assertThat(heard.get()).as("the check's change and the overall outcome's").isEqualTo(2);

    result(maintenance.enable("upgrade"));
    assertThat(heard.get()).isEqualTo(3);
    handler.startDrain();
    handler.startDrain();
    assertThat(heard.get()).isEqualTo(4);
  }
}
