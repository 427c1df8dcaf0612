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
 *   <li>{@code GET <path>/history}: {@code {"checks": {"<name>": <CheckHistory summary JSON>}}} (see
 *       {@link dev.vitals.health.CheckHistory#toSummaryJson()}: no lists, no outputs), with {@code ?detail=full}
 *       every check's whole object ({@link dev.vitals.health.CheckHistory#toJson}), another {@code detail} a 400;
 *       {@code GET <path>/history/<name>} one check's whole object (404 for an unknown check).</li>
 *   <li>{@code GET <path>/events}: Server-Sent Events, one per {@link dev.vitals.health.StatusChange} (its JSON as
 *       {@code data}), each with an {@code id}; a client reconnecting with {@code Last-Event-ID} (or, as an
 *       {@code EventSource}'s first connection cannot send that header, the query parameter {@code lastEventId}) first
 *       gets the events it missed that are still in the buffer ({@link HistoryRoutesOptions#getEventBuffer()}; ids start at 1
 *       with the process, and an id above the last one given, from before a restart or made up, is unknown: nothing is
 *       replayed, and the client reads the current state from {@code <path>/history}); a comment
 *       every {@link HistoryRoutesOptions#getKeepAlive() keepAlive}; beyond
 *       {@link HistoryRoutesOptions#getMaxStreams() maxStreams} open streams, or
 *       {@link HistoryRoutesOptions#getMaxStreamsPerClient() maxStreamsPerClient} from one client address, 503 with
 *       {@code Retry-After}; a stream whose client does not read is reset once its write queue is full.</li>
 *   <li>{@code GET <path>/ui}: an HTML dashboard (and its stylesheet and script under {@code <path>/ui/}), with
 *       {@code Content-Security-Policy: default-src 'self'}: complete without JavaScript, live with it. Checks
 *       failing first, then warning, then passing, then by name; per check its status, since when it has had it
 *       ({@link dev.vitals.health.CheckHistory#since()}), its last transition's time, its output, its availability
 *       per window the history has (and with an SLO the error budget left over the chosen window), a timeline of the last 24 h ({@code ?window=24h}, the default) or 7 days
 *       ({@code ?window=7d}; another value: 400) coloured pass, warn, fail, maintenance (the stretches this process
 *       saw, at most 256) or no data, a latency sparkline of its recent runs ({@code durationMs}), and marks for a
 *       non-critical check and for one blocked by another ({@code blockedBy} in its result's data). With
 *       {@link #alerts} and {@link #fleet}, their panels. The script asks for {@code <path>/ui/parts?check=<name>}
 *       (at most 100 {@code check}s, else 400: the header, the alerts panel and those checks' rows) and
 *       {@code <path>/ui/fleet?v=<version>} (the fleet panel; 204 while its version is that one, 404 without a
 *       fleet view).</li>
 *   <li>{@code GET <path>/badges/<check>.svg}: an SVG badge ({@code image/svg+xml; charset=utf-8},
 *       {@code Cache-Control: max-age=30}) with the check's name, its status ({@code pass}, {@code warn},
 *       {@code fail}, or {@code unknown} before its first result) and its 24 h availability in percent, coloured
 *       by status; 404 with the JSON error body ({@code Check not found: <name>}) for a name no check has, and for
 *       every name when the detail rules show no check ({@code detail: status}). It shows no output.</li>
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
   * Shows the fleet on the dashboard, above this instance's checks: instances × checks, each cell a status. A member
   * names only its failing and warning checks (health-fleet's {@code NodeStatus}: at most 32, {@code failingCount}
   * says how many), so a check it does not name passes there, unless it named fewer than it has or is not
   * {@code up} (then {@code ?}, no data). The checks failing or warning on some instance are the matrix's rows,
   * the most failing first; the others (this instance's checks and any check named) are listed below it, folded.
   * Each instance's column head is a link to it, and so is each cell that is not a pass: to its own dashboard when
   * its address is known (a {@code "dashboard"} URL, {@code http://} or {@code https://}, in its JSON; else an
   * {@code instance} of the form {@code host:port}, where this same path is assumed, with this page's scheme), to
   * this page's checks for itself ({@code "self": true}), else to its detail in the list of instances below.
   * Outputs follow the detail rules, as the checks' do.
   *
   * @param fleet the fleet, in the JSON form of health-web's {@code GET /health/fleet}
   *              ({@code FleetHandler}: {@code {"source", "total", "ready", "stale", "error", "at", "nodes":
   *              [{"node", "instance", "outcome", "ready", "maintenance", "reason", "failing": [{"name", "status",
   *              "output"}], "failingCount", "ageMs", "state", "self", ...}]}}), asked for at each render of the
   *              page or of its fleet panel; {@code null} (or a supplier giving {@code null}) for no fleet view
   * @return this
   */
  HistoryRoutes fleet(java.util.function.Supplier<io.vertx.core.json.JsonObject> fleet);

  /**
   * Adds the routes {@code <path>/history}, {@code <path>/history/*}, {@code <path>/events},
   * {@code <path>/ui[/*]} and {@code <path>/badges/*} to the router, after the routes it has: mount them before {@code <path>*}.
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
