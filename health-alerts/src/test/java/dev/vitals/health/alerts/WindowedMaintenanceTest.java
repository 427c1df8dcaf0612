package dev.vitals.health.alerts;

import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ServiceStatus;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** A window with statusMaintenance puts the instance in maintenance while open; maintenance by hand wins. */
@ExtendWith(VertxExtension.class)
class WindowedMaintenanceTest {

  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void aWindowOpensAndClosesMaintenanceAndHandMaintenanceWins(Vertx vertx) throws InterruptedException {
    AtomicReference<Optional<String>> window = new AtomicReference<>(Optional.empty());
    MaintenanceSource local = MaintenanceSource.local();
    WindowedMaintenance maintenance = WindowedMaintenance.wrap(vertx, local, window::get, Clock.systemUTC(), 20);
    List<MaintenanceState> told = new CopyOnWriteArrayList<>();
    maintenance.addListener(told::add);
    assertThat(maintenance.state().status()).isEqualTo(ServiceStatus.OK);

    window.set(Optional.of("window nightly open until 03:00"));
    await(() -> !told.isEmpty());
    assertThat(maintenance.state().status()).isEqualTo(ServiceStatus.MAINTENANCE);
    assertThat(maintenance.state().reason()).isEqualTo("window nightly open until 03:00");
    assertThat(maintenance.state().source()).isEqualTo(WindowedMaintenance.SOURCE);

    result(maintenance.enable("migrating"));
    assertThat(maintenance.state().reason()).isEqualTo("migrating");
    result(maintenance.disable());
    assertThat(maintenance.state().reason()).as("the window still holds").isEqualTo("window nightly open until 03:00");

    int before = told.size();
    window.set(Optional.empty());
    await(() -> told.size() > before);
    assertThat(told.get(told.size() - 1).status()).isEqualTo(ServiceStatus.OK);
    assertThat(maintenance.state().status()).isEqualTo(ServiceStatus.OK);
    result(maintenance.close());
  }
}
