package dev.vitals.health.web.history;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.web.history.impl.HistoryRoutesImpl;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.ProbeOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Predicate;

/**
 * The routes of a registry's past and of a person watching it, mounted with one call beside {@link HealthHandler}:
 * <pre>{@code
 * HistoryRoutes.create(vertx, registry, maintenance, new HistoryRoutesOptions()).mount(router, "/health");
 * router.route("/health*").handler(HealthHandler.create(registry)); // after: it would read "history" as a check
 * }</pre>
 * <ul>
 *   <li>{@code GET <path>/history}: {@code {"checks": {"<name>": <CheckHistory JSON>}}}, and
 *       {@code GET <path>/history/<name>} one check's object (404 for an unknown check); see
 *       {@link dev.vitals.health.CheckHistory} for the object.</li>
 *   <li>{@code GET <path>/events}: Server-Sent Events, one per {@link dev.vitals.health.StatusChange} (its JSON as
 *       {@code data}), each with an {@code id}; a client reconnecting with {@code Last-Event-ID} first gets the
 *       events it missed that are still in the buffer ({@link HistoryRoutesOptions#getEventBuffer()}; ids start at 1
 *       with the process, and an id above the last one given, from before a restart or made up, is unknown: nothing is
 *       replayed, and the client reads the current state from {@code <path>/history}); a comment
 *       every {@link HistoryRoutesOptions#getKeepAlive() keepAlive}; beyond
 *       {@link HistoryRoutesOptions#getMaxStreams() maxStreams} open streams, or
 *       {@link HistoryRoutesOptions#getMaxStreamsPerClient() maxStreamsPerClient} from one client address, 503 with
 *       {@code Retry-After}; a stream whose client does not read is reset once its write queue is full.</li>
 *   <li>{@code GET <path>/ui}: an HTML dashboard (and its stylesheet and script under {@code <path>/ui/}), with
 *       {@code Content-Security-Policy: default-src 'self'}: complete without JavaScript, live with it.</li>
 * </ul>
 * Mount them before {@link HealthHandler}'s {@code /health*} route, which would read {@code /health/history} as a
 * check named {@code history}; handlers the router runs first for every route (limits, guards) apply to them as to
 * the others. Outputs follow the detail rules of the
 * {@code /health} probe given to {@link #detail(ProbeOptions)} (by default every output to everyone): with
 * {@code names}, none; with {@code status}, no check at all; with {@code failureDetails: authenticated}, outputs
 * of failures only to authenticated callers. Every answer has {@code Cache-Control: no-store}.
 */
public interface HistoryRoutes {

  /**
   * @param vertx       the Vert.x instance (timers of the keep-alive comments)
   * @param registry    the checks
   * @param maintenance the maintenance source whose changes are streamed and whose state the dashboard shows, or
   *                    {@code null}
   * @param options     the stream's bounds
   * @return the routes, not mounted yet
   */
  static HistoryRoutes create(Vertx vertx, CheckRegistry registry, MaintenanceSource maintenance,
                              HistoryRoutesOptions options) {
    return new HistoryRoutesImpl(vertx, registry, maintenance, options);
  }

  /**
   * @param probe the options of the {@code /health} path whose {@code detail} and {@code failureDetails} apply
   *              (copied)
   * @return this
   */
  HistoryRoutes detail(ProbeOptions probe);

  /**
   * @param authenticated tells whether a request is authenticated, for {@code failureDetails: authenticated};
   *                      by default whether vertx-web has a user ({@code ctx.user() != null})
   * @return this
   */
  HistoryRoutes authenticatedBy(Predicate<RoutingContext> authenticated);

  /**
   * Shows active alerts and silences on the dashboard, above the checks: each alert's check, status, since when, the
   * checks it blocks and whether it is silenced (its output as the checks' outputs are shown), and the silences (what
   * they match, until when, why and who: only to a caller who may see failure details).
   *
   * @param alerts the state, in the JSON form of health-alerts' {@code GET /alerts} ({@code {"alerts": [{"check",
   *               "status", "output", "since", "blocks", "silenced", ...}], "silences": [{"checks", "tags", "until",
   *               "reason", "createdBy", ...}], ...}}), asked for at each render; {@code null} for no panel
   * @return this
   */
  HistoryRoutes alerts(java.util.function.Supplier<io.vertx.core.json.JsonObject> alerts);

  /**
   * Adds the routes {@code <path>/history}, {@code <path>/history/*}, {@code <path>/events} and
   * {@code <path>/ui[/*]} to the router, after the routes it has: mount them before {@code <path>*}.
   *
   * @param router the router
   * @param path   where {@link HealthHandler} is mounted, such as {@code /health}
   * @return the router
   */
  Router mount(Router router, String path);

  /** @return the event streams open now */
  int openStreams();

  /** Ends every open event stream (a client's {@code EventSource} reconnects elsewhere); for shutdown. */
  void close();
}
