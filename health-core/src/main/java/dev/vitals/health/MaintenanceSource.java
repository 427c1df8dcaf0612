package dev.vitals.health;

import dev.vitals.health.impl.LocalMaintenance;
import io.vertx.core.Future;
import io.vertx.core.Handler;

import java.time.Clock;

/**
 * Where the application's maintenance mode lives: the SPI behind {@code /status}, the readiness probe and the
 * maintenance admin endpoints. {@link #local()} keeps it in memory for one instance; status-consul keeps it in
 * a Consul agent so a fleet can be drained from one place.
 *
 * <p>{@link #state()} must be cheap (no I/O): it is called on every {@code /status} request. Implementations
 * watch their backing store and call listeners when the status or reason changes.
 */
public interface MaintenanceSource {

  /** @return an in-memory source, {@code ok} from now, named {@code local} */
  static MaintenanceSource local() {
    return local(Clock.systemUTC());
  }

  /**
   * @param clock the clock that stamps {@code since}
   * @return an in-memory source, {@code ok} from now, named {@code local}
   */
  static MaintenanceSource local(Clock clock) {
    return new LocalMaintenance(clock);
  }

  /** @return the current state, never null; no I/O */
  MaintenanceState state();

  /**
   * Switches maintenance on.
   *
   * @param reason why, shown on {@code /status}; {@code null} for a default sentence of the source's
   * @return the state after the switch, as the source then reports it; failed when the backing store refuses
   * or cannot be reached (the message says which and why)
   */
  Future<MaintenanceState> enable(String reason);

  /**
   * Switches maintenance off.
   *
   * @return the state after the switch; failed as {@link #enable(String)}
   */
  Future<MaintenanceState> disable();

  /**
   * @param listener called with the new state each time the status or reason changes (not on mere staleness); an
   *                 exception it throws is logged (a line per burst of faults) and neither keeps the other
   *                 listeners from being told nor fails the switch that changed the state
   * @return this
   */
  MaintenanceSource addListener(Handler<MaintenanceState> listener);

  /**
   * Stops watching the backing store.
   *
   * @return a future completed when done
   */
  Future<Void> close();
}
