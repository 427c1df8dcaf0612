package dev.vitals.health.web.probes;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthReport;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.web.probes.impl.HealthHandlerImpl;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Predicate;

/**
 * Serves a {@link CheckRegistry} over HTTP. Mount it on a wildcard route, at any
 * path and under any sub-router:
 *
 * <pre>{@code
 * router.route("/health*").handler(HealthHandler.create(registry));
 * }</pre>
 *
 * <h2>Paths</h2>
 * <ul>
 *   <li>{@code <mount>}: every check (the {@code health} path of {@link HealthHandlerOptions}).</li>
 *   <li>{@code <mount>/live}, {@code /ready}, {@code /started}: the Kubernetes probes, selecting checks tagged
 *       {@code liveness}, {@code readiness}, {@code startup}. Readiness also fails while the
 *       {@linkplain #maintenance(MaintenanceSource) maintenance source} is in maintenance (a result named
 *       {@code maintenance}, output {@code in maintenance: <reason>}) and once {@link #startDrain()} was called
 *       (a result named {@code shutdown}, output {@code shutting down}). Startup, once passed, stays passed.
 *       Liveness depends on nothing but its own checks.</li>
 *   <li>{@code <mount>/<name>}: one check or a group ({@code /health/db} for {@code db/primary} and
 *       {@code db/replica}), with the {@code health} path's codes and detail. Probe names win over check names.</li>
 * </ul>
 *
 * <h2>One answer per question</h2>
 * A check asked by its own name answers by its own status, whatever its criticality: a failing non-critical
 * check is {@code fail} on {@code <mount>/<name>} (503 by default, {@code "outcome": "fail"}, vertx
 * {@code DOWN}, health+json {@code "status": "fail"}; HEAD the same code), as it is {@code NOT_SERVING} over gRPC
 * (health-grpc). Criticality decides only the aggregates above it: {@code <mount>}, the probes and groups, where
 * it makes the outcome {@code warn} (200). A group is an aggregate even when all its checks are non-critical:
 * they failing make it {@code warn}, not {@code fail}.
 *
 * <h2>Answers</h2>
 * <ul>
 *   <li>Codes per path ({@link ProbeOptions}): {@code pass} and {@code warn} → 200, {@code fail} → 503 by
 *       default. Errors, all with {@code {"error": "...", "status": code}}: an unknown name → 404; an unknown
 *       {@code ?format=} → 400 listing the valid ones; an {@code Accept} no format matches → 406 listing the
 *       media types; a method other than GET and HEAD → 405 with {@code Allow: GET, HEAD}.</li>
 *   <li>Formats, by {@code ?format=} or else by {@code Accept} (q-values and wildcards honoured; server order
 *       breaks ties; no {@code Accept} means the first): {@link HealthFormat#vitals()} ({@code application/json},
 *       the default), {@link HealthFormat#vertx()}, {@link HealthFormat#healthJson()}, and any
 *       {@linkplain #addFormat(HealthFormat) added}.</li>
 *   <li>Headers: {@code Content-Type} of the format, {@code Cache-Control: no-store}; HEAD gives the same code and
 *       headers without a body.</li>
 *   <li>The {@code vitals} body, py-healthcheck's keys extended:
 *   <pre>{@code
 * {"hostname": "web-1", "status": "success" | "failure", "outcome": "pass" | "warn" | "fail",
 *  "timestamp": 1732200000.123,   // epoch s: the newest result shown (or when rendered, if none)
 *  "results": [{"checker": "db/primary", "output": "", "passed": true,
 *               "timestamp": 1732199990.5,            // when the run completed, epoch s
 *               "expires": 1732200017.5,              // until when it is reused, epoch s
 *               "response_time": 0.0042,              // duration of the run, s
 *               "status": "pass", "critical": true, "tags": ["readiness"], "stale": false,
 *               "data": {...}}]}                      // data only when the check gave some
 *   }</pre>
 *   {@code status} is {@code failure} exactly when the answer is not 2xx. With detail {@code names} each result
 *   has only {@code checker}, {@code passed}, {@code status}; with {@code status}, {@code results} is empty.</li>
 * </ul>
 * Outputs are exception messages, never stack traces. The handler never throws.
 *
 * <p>Each body is rendered once and the same bytes are sent until one of the results it shows changes
 * ({@link dev.vitals.health.CheckRegistry#isCurrent}), or, on a readiness path, maintenance or draining: one body
 * per format, probe or registered check/group name (normalised: {@code /health//db/%20/} asks for {@code db}), and
 * detail level. An unknown name is answered 404 and keeps nothing.
 */
public interface HealthHandler extends Handler<RoutingContext> {

  /**
   * @param registry the checks to serve
   * @return a handler with default options
   */
  static HealthHandler create(CheckRegistry registry) {
    return create(registry, new HealthHandlerOptions());
  }

  /**
   * @param registry the checks to serve
   * @param options  paths, codes, detail levels, host name and application (copied)
   * @return a new handler
   */
  static HealthHandler create(CheckRegistry registry, HealthHandlerOptions options) {
    return new HealthHandlerImpl(registry, options);
  }

  /**
   * @param source the maintenance source readiness paths follow
   * @return this
   */
  HealthHandler maintenance(MaintenanceSource source);

  /**
   * Adds a body format, selected by its media type in {@code Accept} or its name in {@code ?format=}.
   *
   * @param format the format
   * @return this
   * @throws IllegalArgumentException when its name or media type is already served
   */
  HealthHandler addFormat(HealthFormat format);

  /**
   * Says which callers count as authenticated, for paths whose failing checks' output and data are shown only
   * to them ({@link ProbeOptions#setFailureDetails(FailureDetails)}). Default: a request with a
   * vertx-web user ({@code ctx.user() != null}), so an {@code AuthenticationHandler} earlier on the route works.
   *
   * @param authenticated tells whether a request is authenticated, without answering it
   * @return this
   */
  HealthHandler authenticatedBy(Predicate<RoutingContext> authenticated);

  /** @return the names of the probe paths served ({@code health}, {@code live}, {@code ready}, {@code started} and
   * those configured in {@link HealthHandlerOptions}) */
  java.util.Set<String> probes();

  /**
   * The status a probe path shows now, from what is held, without running, refreshing or waiting for anything
   * (for metrics read on every scrape): the overall status of the probe's checks' latest results
   * ({@link CheckRegistry#latest(Predicate)}; checks without a result yet count for nothing), failing on a readiness
   * path in maintenance or while draining, and the latched status of a latching path once it passed.
   *
   * @param probe a probe name, as {@link #probes()} lists them
   * @return its status; {@code null} when no probe has that name
   */
  dev.vitals.health.HealthStatus probeStatus(String probe);

  /**
   * The report {@code <mount>/<name>} answers with, for other protocols that serve the same paths (health-grpc):
   * a probe's, with a readiness probe's failing {@code maintenance} and {@code shutdown} results and a latching
   * probe's first pass, else one check's (with that check's own status, {@link HealthReport#ofOneCheck()}) or one
   * group's (with the group's overall status). Read as the paths read it: from the registry's cache
   * (a fresh result is reused, a stale one is served while one refresh runs behind it; a check without any result
   * is run once, shared by every caller).
   *
   * @param name a probe name ({@code live}, {@code ready}, ...), a check or group name ({@code db/primary}), or
   *             {@code ""} for the {@code health} probe; empty segments do not count, probe names win over check
   *             names
   * @return the report; failed as {@link dev.vitals.health.CheckRegistry#report(String)} for a name that is
   * neither a probe nor a check nor a group ({@link java.util.NoSuchElementException}
   * {@code "Check not found: <name>"}) or goes below a check ({@link IllegalArgumentException})
   */
  Future<HealthReport> report(String name);

  /**
   * Adds a listener told whenever the status of a path may have changed: a check's status or the overall outcome
   * changed ({@link dev.vitals.health.CheckRegistry#addListener}), maintenance started or ended, or draining
   * started. It is not told of runs that change nothing, nor of results that merely expire. Called on the thread
   * that observed the change; it must not block; an exception it throws is logged (a line per burst of faults)
   * and the other listeners are still told.
   *
   * @param listener the listener
   * @return this
   */
  HealthHandler addChangeListener(Handler<Void> listener);

  /**
   * Makes readiness paths fail from now on with a result {@code shutdown}, output {@code shutting down}, so
   * load balancers stop sending traffic before the server stops. Liveness is unaffected. Idempotent.
   */
  void startDrain();

  /** @return whether {@link #startDrain()} was called */
  boolean isDraining();

  /**
   * The whole graceful stop: {@link #startDrain()} at once, keep serving for {@code drainDelayMs} so load
   * balancers notice, then stop accepting connections and let in-flight requests finish for up to
   * {@code graceTimeoutMs} before closing them ({@code HttpServer.shutdown}).
   *
   * @param vertx          for the drain timer
   * @param server         the server to stop
   * @param drainDelayMs   how long readiness fails before the server stops accepting, in ms, {@code >= 0}
   * @param graceTimeoutMs how long in-flight requests may take to finish, in ms, {@code >= 0}
   * @return a future completed when the server is closed; failed only if closing the server fails
   */
  Future<Void> drainAndClose(Vertx vertx, HttpServer server, long drainDelayMs, long graceTimeoutMs);
}
