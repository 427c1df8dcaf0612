package dev.vitals.health.web.status;

import dev.vitals.health.fleet.FleetMaintenance;
import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.web.status.impl.MaintenanceHandlerImpl;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Switches maintenance mode: {@code PUT} switches it on (optional JSON body {@code {"reason": "..."}}),
 * {@code DELETE} switches it off. Answers 200 with the {@link StatusHandler} body of the new state.
 *
 * <p>{@code ?scope=fleet} switches every instance of the fleet instead ({@link #fleet(FleetMaintenance)}): 200 with
 * {@code {"scope": "fleet", "status", "reason", "reached", "total", "nodes": [{"node", "instance", "status" |
 * "error"}]}} when every instance switched, 502 with the same body plus {@code error} when some did not.
 * {@code ?scope=local} (the default) switches this instance only.
 *
 * <p>Errors, all with {@code {"error": "...", "status": code}}: a body that is not a JSON object, or whose
 * {@code reason} is not a string → 400, and nothing changes; a {@code scope} other than {@code local} or
 * {@code fleet}, or {@code fleet} without a fleet → 400; another method → 405 with {@code Allow: PUT, DELETE};
 * the source refusing or unreachable (a Consul outage) → 502 with the source's message.
 *
 * <p>It writes state, so guard it and give it a body limit; mount it after a {@code BodyHandler} and an
 * authentication handler:
 * <pre>{@code
 * router.route("/status/maintenance")
 *   .handler(BodyHandler.create().setBodyLimit(65536))
 *   .handler(AdminTokenHandler.create(token))      // or the application's own AuthenticationHandler
 *   .handler(MaintenanceHandler.create(source, application));
 * }</pre>
 */
@SuppressWarnings("exports") // names types of a module health-web requires statically (an optional part)
public interface MaintenanceHandler extends Handler<RoutingContext> {

  /**
   * @param source      where maintenance mode lives
   * @param application name and version shown in the answer
   * @return a new handler
   */
  static MaintenanceHandler create(MaintenanceSource source, ApplicationOptions application) {
    return new MaintenanceHandlerImpl(source, application);
  }

  /**
   * @param fleet what {@code ?scope=fleet} switches (a {@link dev.vitals.health.fleet.ClusterFleet})
   * @return this
   */
  MaintenanceHandler fleet(FleetMaintenance fleet);
}
