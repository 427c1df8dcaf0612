package dev.vitals.health.web.guard;

import dev.vitals.health.web.guard.impl.JsonErrorHandlerImpl;
import dev.vitals.health.web.internal.ErrorResponse;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Makes the router's own answers look like the handlers': {@code {"error": "<message>", "status": <code>}} with
 * {@code Content-Type: application/json} and {@code Cache-Control: no-store}, instead of vertx-web's plain-text
 * status line (and its {@code SEVERE: Unhandled exception in router} for a request it cannot decode). Register
 * it for every code the router answers itself:
 *
 * <pre>{@code
 * JsonErrorHandler.register(router);
 * }</pre>
 *
 * <p>400 (a path or query string that cannot be decoded, no {@code Host}), 404 (no route), 405, 413 (a body over
 * {@code BodyHandler}'s limit), 414 and 431 are answered without logging; a 5xx is logged once, as one line
 * naming the method, path and failure, with its stack trace at {@code FINE}.
 */
public interface JsonErrorHandler extends Handler<RoutingContext> {

  /** The codes vertx-web's router answers by itself: 400, 404, 405, 413, 414, 431, 500. */
  int[] ROUTER_CODES = {400, 404, 405, 413, 414, 431, 500};

  /**
   * @param code the code the handler is for: vertx-web calls an error handler for a request it cannot decode
   *             without telling it the code
   * @return a new handler for {@code router.errorHandler(code, ...)}
   */
  static JsonErrorHandler create(int code) {
    return new JsonErrorHandlerImpl(code);
  }

  /**
   * Registers a handler for each of {@link #ROUTER_CODES} on the router.
   *
   * @param router the router
   * @return the router
   */
  static Router register(Router router) {
    for (int code : ROUTER_CODES) {
      router.errorHandler(code, create(code));
    }
    return router;
  }

  /**
   * Answers with the JSON error body, {@code Content-Type: application/json} and {@code Cache-Control:
   * no-store}; does nothing when the response has ended.
   *
   * @param ctx     the request
   * @param code    the status code
   * @param message the {@code error} text
   */
  static void send(RoutingContext ctx, int code, String message) {
    ErrorResponse.send(ctx, code, message);
  }

  /**
   * A handler answering 405 with {@code Allow} to any other method, and passing the others on: put it before
   * authentication, so that a wrong method is told so whether or not a token came.
   *
   * @param allowed the methods the route serves
   * @return a new handler
   */
  static Handler<RoutingContext> allowing(HttpMethod... allowed) {
    String allow = String.join(", ", java.util.Arrays.stream(allowed).map(HttpMethod::name).toList());
    return ctx -> {
      if (!ErrorResponse.rejectMethod(ctx, allow, allowed)) {
        ctx.next();
      }
    };
  }
}
