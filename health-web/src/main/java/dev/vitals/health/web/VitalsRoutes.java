package dev.vitals.health.web;

import dev.vitals.health.web.guard.AdminTokenHandler;
import dev.vitals.health.web.guard.InFlightLimitHandler;
import dev.vitals.health.web.guard.JsonErrorHandler;
import dev.vitals.health.web.guard.RequestGuardHandler;
import dev.vitals.health.web.impl.VitalsRoutesImpl;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Consumer;

/**
 * Vitals' routes in the order that keeps a server safe, in one call: what the standalone verticle mounts, for an
 * embedder to mount on its own router. Every part but the health handler is optional; {@link #mount(Router)} adds,
 * in this order:
 * <ol>
 *   <li>the {@link RequestGuardHandler} ({@link #requestTimeout(long)}; while the health handler drains, answers
 *       close their connection);</li>
 *   <li>two {@link InFlightLimitHandler}s of {@link #maxInFlight(int)} each: one for the probe paths ({@code
 *       /health} and {@code /health/<probe>} of the health handler's probes), one for every other path, so that
 *       load held on other routes never refuses liveness and readiness;</li>
 *   <li>the heartbeat intake ({@link #heartbeats(String, Handler)}, {@code <path>/*});</li>
 *   <li>the routes of {@link #routes(Consumer)} (the history routes, the fleet view, the metrics scrape): after the
 *       guard and the budgets, so bounded like the rest, and before {@code /health*}, which would take their
 *       paths;</li>
 *   <li>{@code /health*}: the health handler;</li>
 *   <li>{@code /status} ({@link #status(Handler)});</li>
 *   <li>{@code /status/maintenance} ({@link #maintenance(Handler)}): the method first ({@code PUT}, {@code DELETE};
 *       another gets 405 with {@code Allow}, token or not), then the admin token on a route of its own (vertx-web
 *       orders body handlers before authentication handlers on one route: a client without the token cannot make
 *       the server wait for or buffer a body), then the body (at most {@link #MAX_BODY_BYTES}); without an admin
 *       token, 403;</li>
 *   <li>each API of {@link #api(String, Handler, boolean)} ({@code <path>} and {@code <path>/*}, such as
 *       health-alerts' {@code /alerts}): {@code GET} and {@code HEAD} as they come when its reads are open; any
 *       other method (and every one when its reads are not open) behind the admin token first (403 without one),
 *       then a body of at most {@link #MAX_BODY_BYTES};</li>
 *   <li>{@code /environment} ({@link #environment(Handler, boolean)}): {@code GET}, {@code HEAD}; on loopback
 *       without a proxy's {@code Forwarded} / {@code X-Forwarded-For} when allowed, else the admin token (403
 *       without one);</li>
 *   <li>JSON bodies for what the router answers itself (404, 405, 400, 500: {@link JsonErrorHandler#register}).</li>
 * </ol>
 * <pre>{@code
 * HealthHandler health = HealthHandler.create(registry);
 * VitalsRoutes.create(health).status(StatusHandler.create(maintenance, application)).mount(router);
 * }</pre>
 */
public interface VitalsRoutes {

  /** The largest request body accepted ({@code /status/maintenance}'s reason), in bytes: 64 KiB. */
  long MAX_BODY_BYTES = 64 * 1024;
  /** The route the health handler is mounted on. */
  String HEALTH_ROUTE = "/health*";

  /**
   * @param health the health handler, mounted on {@code /health*}; its probes have their own in-flight budget
   * @return routes with a request timeout of {@link RequestGuardHandler#DEFAULT_REQUEST_TIMEOUT} ms, {@code
   * maxInFlight} 1024, no admin token and no optional part
   */
  static VitalsRoutes create(HealthHandler health) {
    return new VitalsRoutesImpl(health);
  }

  /**
   * @param timeoutMs how long a request's body may take to arrive after its head, in ms; 0: no limit
   * @return this
   */
  VitalsRoutes requestTimeout(long timeoutMs);

  /**
   * @param maxInFlight requests served at once by each of the two budgets (probes, the rest), {@code > 0}
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  VitalsRoutes maxInFlight(int maxInFlight);

  /**
   * @param admin the admin token's handler, asked before the maintenance body and for {@code /environment} off
   *              loopback; {@code null}: those are refused (403)
   * @return this
   */
  VitalsRoutes adminToken(AdminTokenHandler admin);

  /**
   * @param path    the heartbeat routes' prefix, e.g. {@code /health/heartbeat}
   * @param handler the heartbeat intake ({@link dev.vitals.health.web.heartbeat.HeartbeatHandler})
   * @return this
   */
  VitalsRoutes heartbeats(String path, Handler<RoutingContext> handler);

  /**
   * @param routes mounts more routes after the guard and the budgets and before {@code /health*}; called by {@link
   *               #mount(Router)}, in the order given
   * @return this
   */
  VitalsRoutes routes(Consumer<Router> routes);

  /**
   * @param handler the {@code /status} handler ({@link dev.vitals.health.web.status.StatusHandler})
   * @return this
   */
  VitalsRoutes status(Handler<RoutingContext> handler);

  /**
   * @param handler the maintenance switch ({@link dev.vitals.health.web.status.MaintenanceHandler}), behind the
   *                method check, the admin token and a body of at most {@link #MAX_BODY_BYTES}
   * @return this
   */
  VitalsRoutes maintenance(Handler<RoutingContext> handler);

  /**
   * An API whose writes change the server: {@code GET} and {@code HEAD} reach the handler as they come when
   * {@code openReads}, any other method only with the admin token, checked before its body is read (at most
   * {@link #MAX_BODY_BYTES}, in the {@code RoutingContext}'s body).
   *
   * @param path      the API's root, such as {@code /alerts}: the handler gets it and every path below it
   * @param handler   the API ({@code dev.vitals.health.alerts.AlertsHandler}); it answers 405 and 404 itself
   * @param openReads whether reads need no token ({@code false}: every method behind the admin token, as for
   *                  checks' outputs under {@code failureDetails: authenticated})
   * @return this
   */
  VitalsRoutes api(String path, Handler<RoutingContext> handler, boolean openReads);

  /**
   * @param handler      the environment dump ({@link dev.vitals.health.web.environment.EnvironmentHandler})
   * @param loopbackOnly whether a loopback caller without proxy headers needs no token
   * @return this
   */
  VitalsRoutes environment(Handler<RoutingContext> handler, boolean loopbackOnly);

  /**
   * Adds the routes to the router, in the order above. Call once.
   *
   * @param router the router
   * @return the router
   * @throws IllegalStateException when called twice
   */
  Router mount(Router router);

  /** @return the requests being served now, through both budgets; 0 before {@link #mount(Router)} */
  int inFlight();
}
