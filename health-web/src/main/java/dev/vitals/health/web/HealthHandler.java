package dev.vitals.health.web;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.web.impl.HealthHandlerImpl;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves a {@link CheckRegistry} over HTTP (DESIGN.md, "health-web"). Mount it on a wildcard route, at any
 * path and under any sub-router:
 *
 * <pre>{@code
 * router.route("/health*").handler(HealthHandler.create(registry));
 * }</pre>
 *
 * <ul>
 *   <li>{@code GET|HEAD <mount>} reports every check; {@code <mount>/<name>} one check or a group
 *       ({@code /health/db} for {@code db/primary} and {@code db/replica}).</li>
 *   <li>Codes: {@code pass} and {@code warn} → 200, {@code fail} → 503 (both configurable in
 *       {@link HealthHandlerOptions}); an unknown name → 404 with {@code {"error": "...", "status": 404}};
 *       any other method → 405 with {@code Allow: GET, HEAD} and the same error shape.</li>
 *   <li>Headers: {@code Content-Type: application/json}, {@code Cache-Control: no-store}; HEAD gives the same code
 *       and headers without a body.</li>
 *   <li>Body (the {@code vitals} format, py-healthcheck's keys extended):
 *   <pre>{@code
 * {"hostname": "web-1", "status": "success" | "failure", "outcome": "pass" | "warn" | "fail",
 *  "timestamp": 1732200000.123,                     // epoch seconds
 *  "results": [{"checker": "db/primary", "output": "", "passed": true,
 *               "timestamp": 1732199990.5,            // when the run completed, epoch s
 *               "expires": 1732200017.5,              // until when it is reused, epoch s
 *               "response_time": 0.0042,              // duration of the run, s
 *               "status": "pass", "critical": true, "tags": ["readiness"], "stale": false,
 *               "data": {...}}]}                      // data only when the check gave some
 *   }</pre>
 *   {@code status} is {@code failure} exactly when the answer is not 2xx.</li>
 * </ul>
 *
 * The handler never throws: a failure it cannot answer itself goes to {@code ctx.fail(...)}.
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
   * @param options  status codes and the host name shown in the body
   * @return a new handler
   */
  static HealthHandler create(CheckRegistry registry, HealthHandlerOptions options) {
    return new HealthHandlerImpl(registry, options);
  }
}
