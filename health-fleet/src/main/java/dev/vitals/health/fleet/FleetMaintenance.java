package dev.vitals.health.fleet;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Maintenance switched for every instance of the fleet at once ({@code PUT /status/maintenance?scope=fleet}):
 * each instance that hears it switches its own maintenance source, so its {@code /status} and readiness show it.
 */
public interface FleetMaintenance {

  /**
   * Puts every instance in maintenance.
   *
   * @param reason why, shown on every instance's {@code /status}; {@code null} for the source's default sentence
   * @return {@code {"scope": "fleet", "status": "maintenance", "reason", "nodes": [{"node", "instance", "status"
   * | "error"}], "reached", "total"}}: the instances asked, each with its status after the switch or why it did not
   * answer; {@code reached} counts those that switched. Never failed: an instance that fails or does not answer
   * within the timeout is listed with its error.
   */
  Future<JsonObject> enable(String reason);

  /**
   * Ends maintenance on every instance.
   *
   * @return as {@link #enable(String)}, with {@code "status": "ok"}
   */
  Future<JsonObject> disable();
}
