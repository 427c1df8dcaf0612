package dev.vitals.health.fleet;

import io.vertx.core.Handler;

/**
 * This instance as the fleet sees it: what it reports now and a signal when that may have changed. health-web's
 * {@code FleetHandler.localNode(...)} builds one from a {@code HealthHandler} (its probes, checks, maintenance and
 * draining).
 */
public interface LocalNode {

  /**
   * @param node this instance's node id in the fleet's engine
   * @return what this instance reports now, from memory only (no check is run)
   */
  NodeStatus status(String node);

  /**
   * @param listener called when the status may have changed (a check's run, the outcome, maintenance or
   *                 draining); on any thread; it must not block; it may be called when nothing changed
   */
  void onChange(Handler<Void> listener);
}
