package dev.vitals.health.web.impl;

import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The {@code vitals} body: py-healthcheck's keys ({@code hostname}, {@code status} success/failure,
 * {@code timestamp}, {@code results[]} with {@code checker}, {@code output}, {@code passed}, {@code timestamp},
 * {@code expires}, {@code response_time}), times in epoch seconds, plus Vitals' own fields.
 */
public final class VitalsFormat {

  public static final String MEDIA_TYPE = "application/json";

  private VitalsFormat() {
  }

  public static JsonObject toJson(HealthReport report, String hostname, boolean success) {
    JsonArray results = new JsonArray();
    for (CheckReport check : report.checks()) {
      results.add(toJson(check));
    }
    return new JsonObject()
      .put("hostname", hostname)
      .put("status", success ? "success" : "failure")
      .put("outcome", report.status().wireName())
      .put("timestamp", seconds(report.timestamp()))
      .put("results", results);
  }

  private static JsonObject toJson(CheckReport check) {
    JsonObject json = new JsonObject()
      .put("checker", check.name())
      .put("output", check.output())
      .put("passed", check.passed())
      .put("timestamp", seconds(check.timestamp()))
      .put("expires", seconds(check.expires()))
      .put("response_time", check.durationNanos() / 1e9)
      .put("status", check.status().wireName())
      .put("critical", check.critical())
      .put("tags", new JsonArray(new java.util.ArrayList<>(check.tags())))
      .put("stale", check.stale());
    if (check.data() != null) {
      json.put("data", check.data().copy());
    }
    return json;
  }

  private static double seconds(long epochMillis) {
    return epochMillis / 1000.0;
  }
}
