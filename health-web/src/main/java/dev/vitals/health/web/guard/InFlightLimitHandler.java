package dev.vitals.health.web.guard;

import dev.vitals.health.web.guard.impl.InFlightLimitHandlerImpl;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds how many requests a route serves at once, so that overload turns into quick refusals instead of a
 * queue without bound: a request beyond the limit gets 503 with {@code Retry-After: <seconds>} and the JSON
 * error body {@code {"error": "...", "status": 503}}. vertx-web has no handler for this; put this one first.
 * Give the probes a handler of their own, so that load held on other routes (slow bodies, floods) never refuses
 * liveness and readiness: the standalone verticle routes {@code /health}, {@code /health/live}, ... through one
 * and everything else through another.
 *
 * <pre>{@code
 * router.route().handler(InFlightLimitHandler.create(256));
 * }</pre>
 */
public interface InFlightLimitHandler extends Handler<RoutingContext> {

  /** Default {@code Retry-After}: 1 s. */
  int DEFAULT_RETRY_AFTER_SECONDS = 1;

  /**
   * @param maxInFlight requests served at once, {@code > 0}
   * @return a new handler answering {@code Retry-After: 1}
   * @throws IllegalArgumentException when {@code maxInFlight} is not positive
   */
  static InFlightLimitHandler create(int maxInFlight) {
    return new InFlightLimitHandlerImpl(maxInFlight, DEFAULT_RETRY_AFTER_SECONDS);
  }

  /** @return the requests being served now */
  int inFlight();
}
