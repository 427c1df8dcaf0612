package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.alerts.Alert;
import dev.vitals.health.alerts.Notification;
import dev.vitals.health.alerts.channels.PagerDutyOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/):
 * <pre>{@code
 * {"routing_key": "...", "event_action": "trigger",              // firing and reminders; "resolve" when resolved
 *  "dedup_key": "vitals:orders:db",                              // vitals:<application label>:<fingerprint>
 *  "payload": {"summary": "db fails: ...", "source": "web-1",    // trigger only; summary at most 1024 characters
 *              "severity": "critical", "timestamp": "...", "component": "db",
 *              "custom_details": {"labels": {...}, "output": "...", "blocks": [...], "instances": [...]}}}
 * }</pre>
 * PagerDuty answers 202; any 2xx is taken.
 */
final class PagerDutyChannel extends HttpChannel {

  private final PagerDutyOptions options;

  PagerDutyChannel(Vertx vertx, String name, long timeout, PagerDutyOptions options) {
    super(vertx, "pagerduty", name, timeout, new Secrets(options.getRoutingKey()).url(options.getUrl()));
    this.options = options;
  }

  @Override
  public Future<Void> send(Notification notification) {
    return post(options.getUrl(), MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json"),
      payload(notification).toBuffer());
  }

  JsonObject payload(Notification notification) {
    Alert alert = notification.alert();
    JsonObject event = new JsonObject().put("routing_key", options.getRoutingKey())
      .put("event_action", notification.kind() == Notification.Kind.RESOLVED ? "resolve" : "trigger")
      .put("dedup_key", dedupKey(alert));
    if (notification.kind() != Notification.Kind.RESOLVED) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("labels", new JsonObject(new LinkedHashMap<>(alert.labels())));
      details.put("output", alert.output());
      details.put("blocks", new JsonArray(alert.blocks()));
      details.put("instances", new JsonArray(alert.instances()));
      details.put("ofInstances", alert.ofInstances());
      details.put("rule", alert.rule());
      event.put("payload", new JsonObject()
        .put("summary", Texts.cut(notification.summary(), 1024))
        .put("source", Texts.instance(alert))
        .put("severity", options.getSeverity().getOrDefault(Texts.status(alert), "critical"))
        .put("timestamp", notification.timestamp().toString())
        .put("component", alert.check())
        .put("custom_details", new JsonObject(details)));
    }
    return event;
  }

  /** @return {@code vitals:<application label>:<fingerprint>}, the same for every event of one alert */
  static String dedupKey(Alert alert) {
    return "vitals:" + alert.labels().getOrDefault("application", "") + ":" + alert.fingerprint();
  }
}
