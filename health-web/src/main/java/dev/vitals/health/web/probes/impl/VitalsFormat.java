package dev.vitals.health.web.probes.impl;

import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import dev.vitals.health.web.probes.Detail;
import dev.vitals.health.web.probes.FormatContext;
import dev.vitals.health.web.probes.HealthFormat;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code vitals} body: py-healthcheck's keys ({@code hostname}, {@code status} success/failure,
 * {@code timestamp}, {@code results[]} with {@code checker}, {@code output}, {@code passed}, {@code timestamp},
 * {@code expires}, {@code response_time}), times in epoch seconds, plus Vitals' own fields.
 *
 * <p>The top-level {@code timestamp} is the time of the newest result the body shows ({@link
 * HealthReport#newestResult()}), or, when it shows none, the time it was rendered: the handler renders a body once
 * per change of its results and sends the same bytes until the next.
 *
 * <p>A body is rendered again whenever one of its results changes, so each result's JSON is kept with the result
 * it was made from and reused while the registry serves that same (immutable) result; only the envelope and the
 * changed results are written per rendering. One entry per check name: the map is cleared when it holds more than
 * twice the largest report rendered (plus 16), which happens only after checks were unregistered.
 */
public final class VitalsFormat implements HealthFormat {

  /** A result's JSON (UTF-8, exactly sized), and the result and detail level it was made from. */
  private record Fragment(CheckReport report, Detail detail, byte[] json) {
  }

  private final Map<String, Fragment> fragments = new ConcurrentHashMap<>();
  /** The most results a report rendered had. */
  private volatile int largest;
  /** The host name and its JSON, encoded once: it is the same on every request of a handler. */
  private volatile String[] hostnameJson = {"", "\"\""};

  /** A new instance, with a cache of its own. */
  public VitalsFormat() {
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
  public Buffer render(HealthReport report, FormatContext context) {
    List<CheckReport> checks = report.checks();
    largest = Math.max(largest, checks.size());
    if (fragments.size() > 2 * largest + 16) {
      fragments.clear(); // checks were unregistered: forget them
    }
    byte[][] parts = new byte[checks.size()][];
    int size = 160;
    for (int i = 0; i < parts.length; i++) {
      parts[i] = fragment(checks.get(i), context.detail());
      size += parts[i].length + 1;
    }
    Buffer json = Buffer.buffer(size)
      .appendString("{\"hostname\":").appendString(hostnameJson(context.hostname()))
      .appendString(context.success() ? ",\"status\":\"success\",\"outcome\":\"" : ",\"status\":\"failure\",\"outcome\":\"")
      .appendString(report.status().wireName())
      .appendString("\",\"timestamp\":").appendString(seconds(report.newestResult()).toPlainString())
      .appendString(",\"results\":[");
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        json.appendByte((byte) ',');
      }
      json.appendBytes(parts[i]);
    }
    return json.appendString("]}");
  }

  private String hostnameJson(String hostname) {
    String[] cached = hostnameJson;
    if (!cached[0].equals(hostname)) {
      cached = new String[]{hostname, Json.encode(hostname)};
      hostnameJson = cached;
    }
    return cached[1];
  }

  private byte[] fragment(CheckReport check, Detail detail) {
    Fragment cached = fragments.get(check.name());
    if (cached != null && cached.report() == check && cached.detail() == detail) {
      return cached.json();
    }
    byte[] json = (detail == Detail.FULL ? full(check) : names(check)).toBuffer().getBytes();
    fragments.put(check.name(), new Fragment(check, detail, json));
    return json;
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
