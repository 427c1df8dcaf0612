package dev.vitals.health.web.probes.impl;

import dev.vitals.health.HealthReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.web.probes.Detail;
import dev.vitals.health.web.probes.FormatContext;
import dev.vitals.health.web.probes.HealthFormat;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** vertx-health-check's own body, as {@code CheckResult.toJson()} gives it. */
public final class VertxFormat implements HealthFormat {

  public static final VertxFormat INSTANCE = new VertxFormat();

  private VertxFormat() {
  }

  @Override
  public String name() {
    return "vertx";
  }

  @Override
  public String mediaType() {
    return "application/vnd.vertx.health+json";
  }

  @Override
  public Buffer render(HealthReport report, FormatContext context) {
    if (context.detail() == Detail.STATUS) {
      String up = report.status() == HealthStatus.FAIL ? "DOWN" : "UP";
      return new JsonObject().put("status", up).put("outcome", up).toBuffer();
    }
    return report.toCheckResult(context.name()).toJson().toBuffer();
  }
}
