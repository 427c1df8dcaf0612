package dev.vitals.health.web.environment.impl;

import dev.vitals.environment.EnvironmentDump;
import dev.vitals.health.web.environment.EnvironmentHandler;
import dev.vitals.health.web.internal.ErrorResponse;
import dev.vitals.health.web.internal.Responses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Objects;

public final class EnvironmentHandlerImpl implements EnvironmentHandler {

  private final EnvironmentDump dump;
  // The dump shared by a burst of requests (EnvironmentDump caches it) is encoded once for all of them.
  private volatile Encoded last;

  private record Encoded(JsonObject json, Buffer bytes) {
  }

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
      Encoded encoded = last;
      if (encoded == null || encoded.json() != ar.result()) {
        encoded = new Encoded(ar.result(), ar.result().toBuffer());
        last = encoded;
      }
      Responses.end(ctx, encoded.bytes());
    });
  }
}
