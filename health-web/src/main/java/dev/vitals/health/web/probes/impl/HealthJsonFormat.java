package dev.vitals.health.web.probes.impl;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.web.probes.Detail;
import dev.vitals.health.web.probes.FormatContext;
import dev.vitals.health.web.probes.HealthFormat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** draft-inadarei-api-health-check-06, "Health Check Response Format for HTTP APIs". */
public final class HealthJsonFormat implements HealthFormat {

  public static final HealthJsonFormat INSTANCE = new HealthJsonFormat();

  private HealthJsonFormat() {
  }

  @Override
  public String name() {
    return "health+json";
  }

  @Override
  public String mediaType() {
    return "application/health+json";
  }

  @Override
  public Buffer render(HealthReport report, FormatContext context) {
    ApplicationOptions app = context.application();
    JsonObject json = new JsonObject().put("status", report.status().wireName());
    putIfSet(json, "version", app.getVersion());
    putIfSet(json, "releaseId", app.getReleaseId());
    putIfSet(json, "serviceId", app.getServiceId());
    putIfSet(json, "description", app.getDescription());
    List<String> failing = new ArrayList<>();
    JsonObject checks = new JsonObject();
    for (CheckReport check : report.checks()) {
      if (check.status() != HealthStatus.PASS) {
        failing.add(check.name());
      }
      JsonObject component = new JsonObject()
        .put("componentId", check.name())
        .put("componentType", "component");
      if (context.detail() == Detail.FULL) {
        component.put("observedValue", check.durationNanos() / 1e6).put("observedUnit", "ms");
      }
      component.put("status", check.status().wireName());
      if (context.detail() == Detail.FULL) {
        component.put("time", Instant.ofEpochMilli(check.timestamp()).toString());
        if (check.status() != HealthStatus.PASS && !check.output().isEmpty()) {
          component.put("output", check.output());
        }
      }
      checks.put(check.name() + ":responseTime", new JsonArray().add(component));
    }
    if (report.status() != HealthStatus.PASS && !failing.isEmpty()) {
      json.put("output", "not passing: " + String.join(", ", failing));
    }
    if (context.detail() != Detail.STATUS) {
      json.put("checks", checks);
    }
    return json.toBuffer();
  }

  private static void putIfSet(JsonObject json, String key, String value) {
    if (value != null && !ApplicationOptions.UNKNOWN.equals(value)) {
      json.put(key, value);
    }
  }
}
