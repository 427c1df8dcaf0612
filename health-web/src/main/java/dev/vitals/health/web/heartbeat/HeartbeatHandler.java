package dev.vitals.health.web.heartbeat;

import dev.vitals.health.PassiveChecks;
import dev.vitals.health.web.heartbeat.impl.HeartbeatHandlerImpl;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Receives reports for {@link PassiveChecks}: {@code POST <mount>/<name>} (and {@code GET}, the form Python's
 * {@code HTTPHandler(method="GET")} uses). Mount it on a wildcard route before the health handler:
 *
 * <pre>{@code
 * router.route("/health/heartbeat/*").handler(HeartbeatHandler.create(passive, adminToken));
 * router.route("/health*").handler(HealthHandler.create(registry));
 * }</pre>
 *
 * Accepted bodies:
 * <ul>
 *   <li>none: a good report;</li>
 *   <li>JSON {@code {"status": "pass" | "warn" | "fail", "output": "...", "data": {...}}}, every field optional
 *       ({@code status} defaults to {@code pass});</li>
 *   <li>{@code application/x-www-form-urlencoded} log records exactly as Python's
 *       {@code logging.handlers.HTTPHandler} POSTs them, or the same fields in the query string of a GET:
 *       {@code levelno} of 40 (ERROR) or more fails the check with {@code msg % args} (when safe to format, else
 *       {@code msg}) as output; lower levels are good reports; {@code exc_text}, {@code exc_info} and the logger name are kept in
 *       {@code data}. A non-empty form without {@code levelno} or {@code levelname} (JSON sent as a form) is
 *       refused with 400, never taken as a good report; {@code args} nested deeper than 32 levels too.</li>
 * </ul>
 * The credential is checked before the body is read; a client sending {@code Expect: 100-continue} gets its
 * {@code 100 Continue} only then.
 *
 * Answers, always JSON and at once (HTTPHandler ignores them): 200 {@code {"check": name, "status": ...}};
 * 400 for a malformed body; 401 / 403 without / with a wrong credential when the check or the handler has a
 * token (a bearer token, or HTTP Basic with the token as password, as HTTPHandler's {@code credentials} sends
 * it; the per-check token and the admin token both work); 404 for a name that is not a passive check; 405 for
 * another method; 413 for a body over 64 KiB; 415 for another content type.
 */
public interface HeartbeatHandler extends Handler<RoutingContext> {

  /** The largest body accepted, in bytes: 64 KiB. */
  int MAX_BODY_BYTES = 64 * 1024;

  /**
   * @param checks     the passive checks reports go to
   * @param adminToken a token that may report to every check, or {@code null}; when neither it nor the check's
   *                   own token is set, reports need no credential
   * @return a new handler
   */
  static HeartbeatHandler create(PassiveChecks checks, String adminToken) {
    return new HeartbeatHandlerImpl(checks, adminToken);
  }
}
