package dev.vitals.health.web.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Ends a response with a body, or with only its length for HEAD. */
public final class Responses {

  private Responses() {
  }

  public static void end(RoutingContext ctx, String body) {
    end(ctx, Buffer.buffer(body));
  }

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
}
