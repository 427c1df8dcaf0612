package dev.vitals.health.web.impl;

import dev.vitals.health.web.RequestGuardHandler;
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
      closeAfterAnswer(ctx);
    }
    response.headersEndHandler(v -> {
      if (closing.getAsBoolean()) {
        closeAfterAnswer(ctx);
      }
    });
    if (requestTimeout > 0 && !request.isEnded()) {
      long timer = ctx.vertx().setTimer(requestTimeout, id -> {
        if (request.isEnded()) {
          return;
        }
        if (response.ended() || response.headWritten()) {
          request.connection().close();
        } else {
          closeAfterAnswer(ctx);
          ErrorResponse.send(ctx, 408, "Request not received within " + requestTimeout + " ms");
        }
      });
      ctx.addEndHandler(done -> {
        if (request.isEnded()) {
          ctx.vertx().cancelTimer(timer);
        }
      });
    }
    ctx.next();
  }

  /**
   * Says {@code Connection: close} and closes the connection once the answer is written: a request whose body is
   * still unread would otherwise keep it open. Not over HTTP/2, where the header is illegal and the connection
   * carries other streams: an unread body holds only its own stream, within HTTP/2's flow control, and a server
   * shutting down says so with GOAWAY.
   */
  static void closeAfterAnswer(RoutingContext ctx) {
    if (ctx.request().version() == HttpVersion.HTTP_2
      || ctx.response().headers().contains(HttpHeaders.CONNECTION, "close", true)) {
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    ctx.addEndHandler(done -> ctx.request().connection().close());
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
