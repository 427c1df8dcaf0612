package dev.vitals.health.web.impl;

import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import dev.vitals.health.web.Detail;
import dev.vitals.health.web.FormatContext;
import dev.vitals.health.web.HealthFormat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;

/**
 * The {@code vitals} body: py-healthcheck's keys ({@code hostname}, {@code status} success/failure,
 * {@code timestamp}, {@code results[]} with {@code checker}, {@code output}, {@code passed}, {@code timestamp},
 * {@code expires}, {@code response_time}), times in epoch seconds, plus Vitals' own fields.
 */
public final class VitalsFormat implements HealthFormat {

  public static final VitalsFormat INSTANCE = new VitalsFormat();

  private VitalsFormat() {
  }

  @Override
  public String name() {
    return "vitals";
  }

  @Override
  public String mediaType() {
    return "application/json";
  }

  @Override
  public String render(HealthReport report, FormatContext context) {
    JsonArray results = new JsonArray();
    for (CheckReport check : report.checks()) {
      results.add(context.detail() == Detail.FULL ? full(check) : names(check));
    }
    return new JsonObject()
      .put("hostname", context.hostname())
      .put("status", context.success() ? "success" : "failure")
      .put("outcome", report.status().wireName())
      .put("timestamp", seconds(report.timestamp()))
      .put("results", results)
      .encode();
  }

  private static JsonObject names(CheckReport check) {
    return new JsonObject()
      .put("checker", check.name())
      .put("passed", check.passed())
      .put("status", check.status().wireName());
  }

  private static JsonObject full(CheckReport check) {
    JsonObject json = new JsonObject()
      .put("checker", check.name())
      .put("output", check.output())
      .put("passed", check.passed())
      .put("timestamp", seconds(check.timestamp()))
      .put("expires", seconds(check.expires()))
      .put("response_time", BigDecimal.valueOf(check.durationNanos() / 1_000, 6))
      .put("status", check.status().wireName())
      .put("critical", check.critical())
      .put("tags", new JsonArray(new ArrayList<>(check.tags())))
      .put("stale", check.stale());
    if (check.data() != null) {
      json.put("data", check.data().copy());
    }
    return json;
  }

  /** Epoch seconds with millisecond decimals, written plainly ({@code 1763726400.123}, not {@code 1.763726400123E9}). */
  private static BigDecimal seconds(long epochMillis) {
    return BigDecimal.valueOf(epochMillis, 3);
  }
}
