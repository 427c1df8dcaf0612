package dev.vitals.health.web.status;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.web.status.impl.StatusHandlerImpl;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET|HEAD /status}: the sprockets.handlers.status contract ({@code application}, {@code status},
 * {@code version}), extended with the other fields below.
 *
 * <pre>{@code
 * {"application": "orders", "status": "ok" | "maintenance" | "unknown", "version": "1.4.2",
 *  "reason": "kernel upgrade",            // only when the source gives one
 *  "since": "2026-11-21T12:00:00Z",       // ISO 8601, when the state began
 *  "source": "local" | "consul",
 *  "stale": true, "error": "..."}         // only when the source cannot be reached: the last known state
 * }</pre>
 *
 * Codes: {@code ok} 200, {@code maintenance} 503, anything else 500. Other methods: 405 with {@code Allow}.
 * Headers: {@code Content-Type: application/json}, {@code Cache-Control: no-store}. The handler does no I/O:
 * it reads {@link MaintenanceSource#state()}.
 */
public interface StatusHandler extends Handler<RoutingContext> {

  /**
   * @param source      where maintenance mode lives
   * @param application name and version; unset values fall back to the launched jar's manifest, then
   *                    {@code unknown} (resolved once, here)
   * @return a new handler
   */
  static StatusHandler create(MaintenanceSource source, ApplicationOptions application) {
    return new StatusHandlerImpl(source, application);
  }
}
