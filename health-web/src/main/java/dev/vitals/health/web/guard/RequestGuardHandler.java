package dev.vitals.health.web.guard;

import dev.vitals.health.web.guard.impl.RequestGuardHandlerImpl;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.function.BooleanSupplier;

/**
 * Put first on a router serving clients that may be hostile. It
 * <ul>
 *   <li>answers 408 ({@code {"error": "Request not received within <n> ms", "status": 408}}) and closes the
 *       connection when a request's body has not fully arrived {@code requestTimeoutMs} after its headers, so
 *       that slow or half-sent bodies cannot hold connections and in-flight slots. Only a request whose body is
 *       still to come is timed (over HTTP/1.x, one with a non-zero {@code Content-Length} or with
 *       {@code Transfer-Encoding}; over HTTP/2, a stream not yet ended), and its timer ends with the answer, or with
 *       the request's reset or its connection's close: nothing of a request outlives it. An HTTP/1.x request
 *       answered before its body has come is answered with {@code Connection: close}, and the connection closes;</li>
 *   <li>answers with {@code Connection: close} while {@link #closingWhen(BooleanSupplier) closing}, so that
 *       keep-alive clients move to another instance before the server stops;</li>
 *   <li>closes the connection after answering a request that carries {@code Transfer-Encoding}: RFC 9112
 *       section 6.3 requires it when {@code Content-Length} comes too (a request-smuggling shape), and Netty
 *       removes {@code Content-Length} before the request reaches Vert.x, so every chunked request is treated
 *       so.</li>
 * </ul>
 * Idle connections are bounded by the server itself: {@code HttpServerOptions.setIdleTimeout} (in seconds).
 *
 * <pre>{@code
 * HttpServer server = vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(60))
 *   .invalidRequestHandler(RequestGuardHandler.invalidRequestHandler());
 * router.route().handler(RequestGuardHandler.create(30_000).closingWhen(healthHandler::isDraining));
 * }</pre>
 */
public interface RequestGuardHandler extends Handler<RoutingContext> {

  /** Default time for a request's body to arrive after its headers: 30000 ms. */
  long DEFAULT_REQUEST_TIMEOUT = 30_000;

  /**
   * @param requestTimeoutMs how long a request's body may take to arrive after its headers, in ms; 0 for no limit
   * @return a new handler
   * @throws IllegalArgumentException when {@code requestTimeoutMs} is negative
   */
  static RequestGuardHandler create(long requestTimeoutMs) {
    return new RequestGuardHandlerImpl(requestTimeoutMs);
  }

  /**
   * @param closing tells whether the server is about to stop (for example
   *                {@link dev.vitals.health.web.probes.HealthHandler#isDraining()}); while it says so every answer
   *                carries {@code Connection: close}
   * @return this handler
   */
  RequestGuardHandler closingWhen(BooleanSupplier closing);

  /**
   * A handler for {@code HttpServer.invalidRequestHandler}: requests Vert.x cannot decode get a JSON error
   * instead of a plain-text one (the connection is then closed): 414 for a request line over
   * {@code HttpServerOptions.getMaxInitialLineLength()} (4096 bytes by default), 431 for headers over
   * {@code getMaxHeaderSize()}, 400 otherwise. The first rejection of a burst is logged (WARNING, with the count
   * of the previous burst), not every one.
   *
   * @return the handler
   */
  static Handler<HttpServerRequest> invalidRequestHandler() {
    return RequestGuardHandlerImpl.INVALID_REQUEST;
  }
}
