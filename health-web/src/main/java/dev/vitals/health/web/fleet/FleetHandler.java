package dev.vitals.health.web.fleet;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.fleet.FleetSource;
import dev.vitals.health.fleet.LocalNode;
import dev.vitals.health.fleet.Quorum;
import dev.vitals.health.web.fleet.impl.FleetHandlerImpl;
import dev.vitals.health.web.fleet.impl.LocalNodeImpl;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.ProbeOptions;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Predicate;

/**
 * {@code GET /health/fleet}: every instance of the fleet as a {@link FleetSource} sees them, answered from memory
 * (never a round trip per request). 200 when the quorum is met, 503 when not; {@code HEAD} as {@code GET} without
 * the body; another method → 405 with {@code Allow: GET, HEAD}. Body ({@link dev.vitals.health.fleet.FleetView#toJson}):
 * <pre>{@code
 * {"source": "cluster", "total": 3, "ready": 2, "quorum": {"required": 2, "min": 2, "met": true}, "stale": false,
 *  "at": "2026-12-01T10:15:30.123Z",
 *  "nodes": [{"node": "6f1c…", "application": "orders", "instance": "host-a:8080", "outcome": "fail",
 *             "ready": false, "maintenance": false, "reason": null,
 *             "failing": [{"name": "db", "status": "fail", "output": "Connection refused"}], "failingCount": 1,
 *             "probes": {"health": "fail", "live": "pass", "ready": "fail"}, "ageMs": 1200, "state": "up",
 *             "self": false, "at": "2026-12-01T10:15:28.901Z"}, ...]}
 * }</pre>
 * {@code ageMs} (ms since the instance was last heard of, by this instance's clock) and the states are as of
 * {@code at}: the body is rendered once and served for up to {@value #MAX_RENDER_AGE_MS} ms, or until the view
 * changes (rendered again at most every 100 ms, so a churning fleet costs at most ten renderings a second). Failing checks follow the detail rules of the {@code /health} probe given to {@link #detail(ProbeOptions)}
 * (by default every output to everyone), as {@code /health} does: with {@code names}, no output; with
 * {@code status}, neither {@code failing} nor {@code probes} (only {@code failingCount}); with
 * {@code failureDetails: authenticated}, outputs only to authenticated callers. {@code Cache-Control: no-store}.
 */
@SuppressWarnings("exports") // names types of a module health-web requires statically (an optional part)
public interface FleetHandler extends Handler<RoutingContext> {

  /** How long a rendered body is served while the view does not change, in ms: 250. */
  long MAX_RENDER_AGE_MS = 250;

  /**
   * @param source where the fleet view comes from
   * @param quorum how many ready instances make a 200
   * @return a new handler
   */
  static FleetHandler create(FleetSource source, Quorum quorum) {
    return new FleetHandlerImpl(source, quorum);
  }

  /**
   * @param probe the options of the {@code /health} path whose {@code detail} and {@code failureDetails} apply
   *              (copied)
   * @return this
   */
  FleetHandler detail(ProbeOptions probe);

  /**
   * @param authenticated tells whether a request is authenticated, for {@code failureDetails: authenticated}
   *                      (for example {@code AdminTokenHandler::verify}); by default whether vertx-web has a user
   *                      ({@code ctx.user() != null})
   * @return this
   */
  FleetHandler authenticatedBy(Predicate<RoutingContext> authenticated);

  /**
   * This instance as the fleet sees it, from what the health handler holds: {@code outcome} is the {@code health}
   * probe's status, {@code probes} every probe's ({@link HealthHandler#probeStatus}), {@code ready} whether the
   * {@code ready} probe does not fail (without such a probe: the outcome does not fail and the instance is neither
   * in maintenance nor draining), {@code failing} the checks of the {@code health} probe whose latest result fails
   * or warns, with the status {@code /health} shows (critical failures first). Nothing is run. Its change signal is
   * {@link HealthHandler#addChangeListener}'s.
   *
   * <p>What it publishes follows the {@code health} probe's detail rules, so that no other instance can show more
   * of it than it shows itself: with {@code detail: status} no failing check is named (only
   * {@code failingCount}); with {@code detail: names} or {@code failureDetails: authenticated}, outputs are left
   * out.
   *
   * @param health      the health handler
   * @param registry    its registry
   * @param maintenance its maintenance source
   * @param application the application's name
   * @param instance    how people name this instance ({@code host:port}, a service id)
   * @param healthProbe the options of its {@code health} probe (copied)
   * @return the local node
   */
  static LocalNode localNode(HealthHandler health, CheckRegistry registry, MaintenanceSource maintenance,
                             String application, String instance, ProbeOptions healthProbe) {
    return new LocalNodeImpl(health, registry, maintenance, application, instance, healthProbe);
  }
}
