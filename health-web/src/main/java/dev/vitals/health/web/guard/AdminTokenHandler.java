package dev.vitals.health.web.guard;

import dev.vitals.health.web.guard.impl.AdminTokenHandlerImpl;
import io.vertx.ext.web.handler.AuthenticationHandler;

/**
 * Guards admin routes with one shared bearer token ({@code Authorization: Bearer <token>}), as the standalone
 * verticle's {@code admin.token} / {@code VITALS_ADMIN_TOKEN}. No or malformed {@code Authorization} header → 401
 * with {@code WWW-Authenticate: Bearer}; a wrong token → 403; both with a JSON error body
 * {@code {"error": "...", "status": code}}. Tokens are compared in constant time.
 *
 * <p>Any other vertx-web {@link AuthenticationHandler} can stand in its place.
 */
public interface AdminTokenHandler extends AuthenticationHandler {

  /**
   * @param token the expected token, not blank
   * @return a new handler
   * @throws IllegalArgumentException when the token is blank
   */
  static AdminTokenHandler create(String token) {
    return new AdminTokenHandlerImpl(token);
  }

  /**
   * Tells whether a request carries the right token, without answering it: for
   * {@link dev.vitals.health.web.probes.HealthHandler#authenticatedBy(java.util.function.Predicate)}.
   *
   * @param ctx the request
   * @return whether its {@code Authorization} header is {@code Bearer <the token>}
   */
  boolean verify(io.vertx.ext.web.RoutingContext ctx);
}
