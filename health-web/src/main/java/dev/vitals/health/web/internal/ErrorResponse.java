package dev.vitals.health.web.internal;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The one error body every Vitals handler answers with: {@code {"error": "<message>", "status": <code>}}. */
public final class ErrorResponse {

  private ErrorResponse() {
  }

  /**
   * Answers the error. A request answered before its declared body arrived also gets {@code Connection: close}:
   * the unread body then holds neither the connection nor a slot, and cannot be read as a next request.
   *
   * @param ctx     the request; nothing is sent when its response has ended
   * @param code    the HTTP status code
   * @param message the {@code error} field
   */
  public static void send(RoutingContext ctx, int code, String message) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    if (!ctx.request().isEnded() && (ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)
      || !"0".equals(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH))
      && ctx.request().headers().contains(HttpHeaders.CONTENT_LENGTH))) {
      Responses.closeAfterAnswer(ctx);
    }
    String body = new JsonObject().put("error", message).put("status", code).encode();
    response.setStatusCode(code)
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Responses.end(ctx, body);
  }

  /**
   * 405 with {@code Allow}, unless the method is one of {@code allowed}.
   *
   * @param ctx     the request
   * @param allow   the {@code Allow} header's value
   * @param allowed the methods allowed
   * @return whether it answered (the method is not allowed)
   */
  public static boolean rejectMethod(RoutingContext ctx, String allow, io.vertx.core.http.HttpMethod... allowed) {
    io.vertx.core.http.HttpMethod method = ctx.request().method();
    for (io.vertx.core.http.HttpMethod m : allowed) {
      if (m.equals(method)) {
        return false;
      }
    }
    ctx.response().putHeader(HttpHeaders.ALLOW, allow);
    send(ctx, 405, "Method " + method.name() + " not allowed, use " + allow);
    return true;
  }
}
