package dev.vitals.health.internal;

import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ServiceStatus;
import dev.vitals.health.test.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** One fault policy for every fan-out: a throwing listener is logged once per burst, the others are still told. */
class ListenersTest {

  @Test
  void aThrowingListenerIsLoggedOncePerBurstAndTheOthersAreStillTold() {
    Listeners<String> listeners = new Listeners<>(ListenersTest.class, "tests");
    List<String> told = new ArrayList<>();
    listeners.add(event -> told.add("first " + event));
    listeners.add(event -> {
      throw new IllegalStateException("broken " + event);
    });
    listeners.add(event -> told.add("third " + event));

    try (LogCapture log = LogCapture.of(ListenersTest.class.getName())) {
      listeners.tell("a");
      listeners.tell("b");

      assertThat(told).containsExactly("first a", "third a", "first b", "third b");
      assertThat(log.records()).singleElement().satisfies(record -> {
        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
        assertThat(record.getMessage()).isEqualTo("A listener of tests failed (the others are still told): "
          + "java.lang.IllegalStateException: broken a");
        assertThat(record.getThrown()).hasMessage("broken a");
      });
    }
  }

  @Test
  void aThrowingListenerDoesNotFailTheLocalSwitch() {
    MaintenanceSource local = MaintenanceSource.local();
    List<ServiceStatus> told = new ArrayList<>();
    local.addListener(state -> {
      throw new IllegalStateException("broken");
    });
    local.addListener(state -> told.add(state.status()));

    try (LogCapture log = LogCapture.of(MaintenanceSource.class.getName())) {
      MaintenanceState state = result(local.enable("deploy"));

      assertThat(state.status()).isEqualTo(ServiceStatus.MAINTENANCE);
      assertThat(told).containsExactly(ServiceStatus.MAINTENANCE);
      assertThat(log.records()).hasSize(1);
    }
  }
}
