package dev.vitals.health.web.impl;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The one error body every Vitals handler answers with: {@code {"error": "<message>", "status": <code>}}. */
public final class ErrorResponse {

  private ErrorResponse() {
  }

  public static void send(RoutingContext ctx, int code, String message) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    String body = new JsonObject().put("error", message).put("status", code).encode();
    response.setStatusCode(code)
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Responses.end(ctx, body);
  }

  /** 405 with {@code Allow}, unless the method is one of {@code allowed}; returns whether it answered. */
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
