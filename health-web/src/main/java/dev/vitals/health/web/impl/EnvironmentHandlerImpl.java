package dev.vitals.health.web.impl;

import dev.vitals.environment.EnvironmentDump;
import dev.vitals.health.web.EnvironmentHandler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Objects;

public final class EnvironmentHandlerImpl implements EnvironmentHandler {

  private final EnvironmentDump dump;

  public EnvironmentHandlerImpl(EnvironmentDump dump) {
    this.dump = Objects.requireNonNull(dump, "dump");
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ErrorResponse.rejectMethod(ctx, "GET, HEAD", HttpMethod.GET, HttpMethod.HEAD)) {
      return;
    }
    dump.dump().onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      Responses.end(ctx, ar.result().encode());
    });
  }
}
