package dev.vitals.health.web.status.impl;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.web.internal.Responses;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The {@code /status} body and its code, shared by the status and maintenance handlers. */
final class StatusBody {

  private StatusBody() {
  }

  static JsonObject toJson(MaintenanceState state, ApplicationOptions application) {
    JsonObject json = new JsonObject()
      .put("application", application.getName())
      .put("status", state.status().wireName())
      .put("version", application.getVersion());
    if (state.reason() != null) {
      json.put("reason", state.reason());
    }
    json.put("since", state.since().toString()).put("source", state.source());
    if (state.stale()) {
      json.put("stale", true);
      if (state.error() != null) {
        json.put("error", state.error());
      }
    }
    return json;
  }

  static void send(RoutingContext ctx, int code, MaintenanceState state, ApplicationOptions application) {
    ctx.response()
      .setStatusCode(code)
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Responses.end(ctx, toJson(state, application).encode());
  }
}
