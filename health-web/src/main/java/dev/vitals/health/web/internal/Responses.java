package dev.vitals.health.web.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/** Ends a response with a body, or with only its length for HEAD; closes the connection after an answer. */
public final class Responses {

  private Responses() {
  }

  /**
   * @param ctx  the request, whose status and headers are set
   * @param body the body, sent unless the request is a {@code HEAD}; nothing is sent when the response has ended or
   *             its connection closed
   */
  public static void end(RoutingContext ctx, String body) {
    end(ctx, Buffer.buffer(body));
  }

  /**
   * @param ctx    the request, whose status and headers are set
   * @param buffer the body, sent unless the request is a {@code HEAD} (which gets its {@code Content-Length} only);
   *               nothing is sent when the response has ended or its connection closed
   */
  public static void end(RoutingContext ctx, Buffer buffer) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(buffer.length())).end();
    } else {
      response.end(buffer);
    }
  }

  /**
   * Says {@code Connection: close} and closes the connection once the answer is written: a request whose body is
   * still unread would otherwise keep it open. Not over HTTP/2, where the header is illegal and the connection
   * carries other streams: an unread body holds only its own stream, within HTTP/2's flow control, and a server
   * shutting down says so with GOAWAY.
   *
   * @param ctx the request, not yet answered
   */
  public static void closeAfterAnswer(RoutingContext ctx) {
    if (ctx.request().version() == HttpVersion.HTTP_2
      || ctx.response().headers().contains(HttpHeaders.CONNECTION, "close", true)) {
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    ctx.addEndHandler(done -> ctx.request().connection().close());
  }
}
