package dev.vitals.health.web.status.impl;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.fleet.FleetMaintenance;
import dev.vitals.health.web.internal.ErrorResponse;
import dev.vitals.health.web.internal.Responses;
import dev.vitals.health.web.status.MaintenanceHandler;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Objects;

public final class MaintenanceHandlerImpl implements MaintenanceHandler {

  private static final int MAX_REASON_LENGTH = 1024;
  private static final String LOCAL = "local";
  private static final String FLEET = "fleet";

  private final MaintenanceSource source;
  private final ApplicationOptions application;
  private FleetMaintenance fleet;

  public MaintenanceHandlerImpl(MaintenanceSource source, ApplicationOptions application) {
    this.source = Objects.requireNonNull(source, "source");
    this.application = Objects.requireNonNull(application, "application").resolved();
  }

  @Override
  public MaintenanceHandler fleet(FleetMaintenance fleet) {
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    return this;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ErrorResponse.rejectMethod(ctx, "PUT, DELETE", HttpMethod.PUT, HttpMethod.DELETE)) {
      return;
    }
    List<String> scopes = ctx.queryParam("scope");
    String scope = scopes.isEmpty() ? LOCAL : scopes.get(0);
    if (scopes.size() > 1 || !(scope.equals(LOCAL) || scope.equals(FLEET))) {
      ErrorResponse.send(ctx, 400, "scope: expected local or fleet, got '" + String.join("', '", scopes) + "'");
      return;
    }
    if (scope.equals(FLEET) && fleet == null) {
      ErrorResponse.send(ctx, 400, "scope=fleet needs a fleet over a clustered Vert.x (fleet.source cluster)");
      return;
    }
    boolean enable = ctx.request().method() == HttpMethod.PUT;
    String reason = null;
    if (enable) {
      try {
        reason = reason(ctx);
      } catch (IllegalArgumentException e) {
        ErrorResponse.send(ctx, 400, e.getMessage());
        return;
      }
    }
    if (scope.equals(FLEET)) {
      switchFleet(ctx, enable ? fleet.enable(reason) : fleet.disable());
      return;
    }
    Future<MaintenanceState> switched = enable ? source.enable(reason) : source.disable();
    switched.onComplete(ar -> {
      if (ar.succeeded()) {
        StatusBody.send(ctx, 200, ar.result(), application);
      } else {
        ErrorResponse.send(ctx, 502, "Maintenance source '" + source.state().source() + "' failed: "
          + ar.cause().getMessage());
      }
    });
  }

  private static void switchFleet(RoutingContext ctx, Future<JsonObject> switched) {
    switched.onComplete(ar -> {
      JsonObject body = ar.succeeded() ? ar.result()
        : new JsonObject().put("scope", FLEET).put("error", ar.cause().getMessage());
      int missed = body.getInteger("total", 0) - body.getInteger("reached", 0);
      if (ar.succeeded() && missed > 0) {
        body.put("error", missed + " of " + body.getInteger("total") + " instances did not switch");
      }
      ctx.response().setStatusCode(body.containsKey("error") ? 502 : 200)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      Responses.end(ctx, body.encode());
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
