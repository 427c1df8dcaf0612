package dev.vitals.health.fleet;

import io.vertx.core.Future;
import io.vertx.core.Handler;

/**
 * Where the fleet view comes from: the SPI behind {@code GET /health/fleet}. {@link ClusterFleet} hears every
 * instance over a clustered event bus; status-consul's {@code ConsulFleet} reads a Consul service's instances with
 * blocking queries.
 *
 * <p>{@link #view()} must be cheap (memory only, no I/O): it is called on every request. Implementations keep
 * their view current in the background and tell listeners when it changed.
 */
public interface FleetSource {

  /** @return the fleet as known now, never null; no I/O */
  FleetView view();

  /**
   * @param listener called with the new view when an instance was added, changed, went missing or left, or the
   *                 source turned stale or fresh; on any thread; it must not block; an exception it throws is
   *                 logged (a line per burst of faults) and the other listeners are still told
   * @return this
   */
  FleetSource addListener(Handler<FleetView> listener);

  /**
   * @return how many messages of other instances this source dropped since it started because they were not
   * authenticated (unsigned, badly signed, stale or replayed; see {@link ClusterFleet}); 0 for a source that
   * authenticates none (the default) or has no secret
   */
  default long rejectedMessages() {
    return 0;
  }

  /**
   * Stops listening to the fleet.
   *
   * @return a future completed when done
   */
  Future<Void> close();
}
