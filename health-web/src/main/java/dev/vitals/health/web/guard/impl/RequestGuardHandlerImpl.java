package dev.vitals.health.web.guard.impl;

import dev.vitals.health.internal.BurstLog;
import dev.vitals.health.web.guard.RequestGuardHandler;
import dev.vitals.health.web.internal.ErrorResponse;
import dev.vitals.health.web.internal.Responses;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Objects;
import java.util.function.BooleanSupplier;

public final class RequestGuardHandlerImpl implements RequestGuardHandler {

  private static final BurstLog INVALID_LOG = new BurstLog(RequestGuardHandler.class, 60_000);

  public static final Handler<HttpServerRequest> INVALID_REQUEST = RequestGuardHandlerImpl::invalid;

  private final long requestTimeout;
  private volatile BooleanSupplier closing = () -> false;

  public RequestGuardHandlerImpl(long requestTimeout) {
    if (requestTimeout < 0) {
      throw new IllegalArgumentException("requestTimeout: must not be negative, got " + requestTimeout);
    }
    this.requestTimeout = requestTimeout;
  }

  @Override
  public RequestGuardHandler closingWhen(BooleanSupplier closing) {
    this.closing = Objects.requireNonNull(closing, "closing");
    return this;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
      // RFC 9112 section 6.3: with both Content-Length and Transfer-Encoding the connection must close after the
      // answer. Netty drops Content-Length before Vert.x sees the request, so every chunked request closes.
      Responses.closeAfterAnswer(ctx);
    }
    long timer = requestTimeout > 0 && awaitsBody(request) ? armTimer(ctx) : -1;
    // Both decided as the answer goes out, but registered now: vertx-web takes no end handler once the response
    // is written. While closing, and when the answer goes out before the body has come, the connection closes.
    response.headersEndHandler(v -> {
      if (request.version() != HttpVersion.HTTP_2 && (closing.getAsBoolean() || timer != -1 && !request.isEnded())) {
        response.putHeader(HttpHeaders.CONNECTION, "close");
      }
    });
    ctx.addEndHandler(done -> {
      if (timer != -1) {
        ctx.vertx().cancelTimer(timer);
      }
      if (timer != -1 && !request.isEnded() && request.version() != HttpVersion.HTTP_2) {
        // The rest of the body would hold the connection. Over HTTP/2 the stream is left to the client: its end may
        // just not be delivered yet (the router pauses the request), and a stalled one holds only its own stream,
        // one of a bounded number per connection, until the connection's idle timeout.
        request.connection().close();
      } else if (request.version() != HttpVersion.HTTP_2
        && response.headers().contains(HttpHeaders.CONNECTION, "close", true)) {
        request.connection().close();
      }
    });
    ctx.next();
  }

  /**
   * Arms the request's timer, which ends when the answer does (the router's end handlers also run when the request
   * is reset or its connection closes): nothing of the request outlives it. Fired before the answer, it answers
   * 408; fired while an answer streams, it ends the exchange.
   *
   * @return the timer's id
   */
  private long armTimer(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    return ctx.vertx().setTimer(requestTimeout, id -> {
      if (request.isEnded()) {
        return;
      }
      if (response.headWritten() && request.version() == HttpVersion.HTTP_2) {
        response.reset(); // only this stream: the connection carries others
      } else if (response.headWritten()) {
        request.connection().close();
      } else {
        Responses.closeAfterAnswer(ctx);
        ErrorResponse.send(ctx, 408, "Request not received within " + requestTimeout + " ms");
      }
    });
  }

  /**
   * Whether the request's body is still to come. An HTTP/1.x request without {@code Content-Length} (or with 0) and
   * without {@code Transfer-Encoding} has none (RFC 9112 section 6.3), even though Vert.x has not yet delivered its
   * end while the router holds the request paused: no timer for it, the common GET. Over HTTP/2 the stream's end
   * may come later than its headers, so a stream not yet ended awaits its end.
   */
  private static boolean awaitsBody(HttpServerRequest request) {
    if (request.isEnded()) {
      return false;
    }
    if (request.version() == HttpVersion.HTTP_2) {
      return true;
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || length != null && !"0".equals(length.trim());
  }


  private static void invalid(HttpServerRequest request) {
    DecoderResult result = request.decoderResult();
    Throwable cause = result == null ? null : result.cause();
    int status;
    String message;
    if (cause instanceof TooLongFrameException && cause.getMessage() != null
      && cause.getMessage().contains("header")) {
      status = 431;
      message = "Request headers too large";
    } else if (cause instanceof TooLongFrameException) {
      status = 414;
      message = "Request line too long";
    } else {
      status = 400;
      message = "Malformed HTTP request";
    }
    INVALID_LOG.log(() -> "Rejected an HTTP request with " + status + ": " + message
      + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
    request.response().setStatusCode(status)
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .putHeader(HttpHeaders.CONNECTION, "close")
      .end(new JsonObject().put("error", message).put("status", status).encode());
  }
}
