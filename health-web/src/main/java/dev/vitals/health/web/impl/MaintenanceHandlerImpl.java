package dev.vitals.health.web.impl;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.web.MaintenanceHandler;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Objects;

public final class MaintenanceHandlerImpl implements MaintenanceHandler {

  private static final int MAX_REASON_LENGTH = 1024;

  private final MaintenanceSource source;
  private final ApplicationOptions application;

  public MaintenanceHandlerImpl(MaintenanceSource source, ApplicationOptions application) {
    this.source = Objects.requireNonNull(source, "source");
    this.application = Objects.requireNonNull(application, "application").resolved();
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ErrorResponse.rejectMethod(ctx, "PUT, DELETE", HttpMethod.PUT, HttpMethod.DELETE)) {
      return;
    }
    Future<MaintenanceState> switched;
    if (ctx.request().method() == HttpMethod.DELETE) {
      switched = source.disable();
    } else {
      String reason;
      try {
        reason = reason(ctx);
      } catch (IllegalArgumentException e) {
        ErrorResponse.send(ctx, 400, e.getMessage());
        return;
      }
      switched = source.enable(reason);
    }
    switched.onComplete(ar -> {
      if (ar.succeeded()) {
        StatusBody.send(ctx, 200, ar.result(), application);
      } else {
        ErrorResponse.send(ctx, 502, "Maintenance source '" + source.state().source() + "' failed: "
          + ar.cause().getMessage());
      }
    });
  }

  /** The optional reason of a PUT body; IllegalArgumentException says what is wrong with the body. */
  private static String reason(RoutingContext ctx) {
    if (!ctx.body().available()) {
      throw new IllegalStateException("MaintenanceHandler needs a BodyHandler before it on the route");
    }
    Buffer body = ctx.body().buffer();
    if (body == null || body.toString().isBlank()) {
      return null;
    }
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("Body is not JSON; expected {\"reason\": \"...\"} or no body");
    }
    if (!(parsed instanceof JsonObject)) {
      throw new IllegalArgumentException("Body must be a JSON object like {\"reason\": \"...\"}");
    }
    Object reason = ((JsonObject) parsed).getValue("reason");
    if (reason != null && !(reason instanceof String)) {
      throw new IllegalArgumentException("reason: expected a string, got '" + reason + "'");
    }
    if (reason != null && ((String) reason).length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException("reason: longer than " + MAX_REASON_LENGTH + " characters");
    }
    return (String) reason;
  }
}
