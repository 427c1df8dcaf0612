package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.alerts.Alert;
import dev.vitals.health.alerts.Notification;
import dev.vitals.health.alerts.channels.AlertmanagerOptions;
import dev.vitals.health.internal.BurstLog;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus Alertmanager, API v2 ({@code POST <url>/api/v2/alerts}, https://prometheus.io/docs/alerting/latest/clients/):
 * <pre>{@code
 * [{"labels": {"alertname": "VitalsCheckFailing", "check": "db", ...},     // the alert's labels
 *   "annotations": {"summary": "db fails: ...", "output": "...", "blocks": "invoices, orders",
 *                   "instances": "web-1, web-2"},                          // with a fleet: where it fails
 *   "startsAt": "2026-12-06T12:00:00Z",                                      // the alert's since
 *   "endsAt": "2026-12-06T12:10:00Z",                                        // resolved only: when it resolved
 *   "generatorURL": "http://..."}]                                           // when configured
 * }</pre>
 * The channel keeps the alerts that fire (one per fingerprint, as many as the engine has active) and POSTs them all
 * again every {@code resendInterval}, as Alertmanager expects; a failed resend is logged once per burst and tried
 * again at the next interval.
 */
final class AlertmanagerChannel extends HttpChannel {

  private final BurstLog resendLog = new BurstLog(AlertmanagerChannel.class, 60_000);

  private final String endpoint;
  private final String authorization;
  private final String generatorUrl;
  private final long timer;
  private final Map<String, Alert> firing = new LinkedHashMap<>();

  AlertmanagerChannel(Vertx vertx, String name, long timeout, AlertmanagerOptions options) {
    super(vertx, "alertmanager", name, timeout, new Secrets().url(options.getUrl()));
    URI uri = URI.create(options.getUrl());
    String userInfo = uri.getRawUserInfo();
    authorization = userInfo == null ? null : "Basic " + Base64.getEncoder()
      .encodeToString(uri.getUserInfo().getBytes(StandardCharsets.UTF_8));
    String base = uri.getScheme() + "://" + uri.getRawAuthority().substring(userInfo == null ? 0 : userInfo.length() + 1)
      + (uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", ""));
    endpoint = base + "/api/v2/alerts";
    generatorUrl = options.getGeneratorUrl();
    timer = vertx.setPeriodic(options.getResendInterval(), id -> resend());
  }

  @Override
  public Future<Void> send(Notification notification) {
    Alert alert = notification.alert();
    synchronized (firing) {
      if (notification.kind() == Notification.Kind.RESOLVED) {
        firing.remove(alert.fingerprint());
      } else {
        firing.put(alert.fingerprint(), alert);
      }
    }
    JsonObject item = item(alert, notification.summary());
    if (notification.kind() == Notification.Kind.RESOLVED) {
      item.put("endsAt", notification.timestamp().toString());
    }
    return post(new JsonArray().add(item));
  }

  /** POSTs every firing alert again. */
  private void resend() {
    List<Alert> alerts;
    synchronized (firing) {
      alerts = new ArrayList<>(firing.values());
    }
    if (alerts.isEmpty()) {
      return;
    }
    JsonArray items = new JsonArray();
    alerts.forEach(alert -> items.add(item(alert, alert.summary())));
    post(items).onFailure(e -> resendLog.log(() -> "resending " + alerts.size() + " firing alert(s) failed: "
      + e.getMessage()));
  }

  private Future<Void> post(JsonArray items) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
    if (authorization != null) {
      headers.add("Authorization", authorization);
    }
    return post(endpoint, headers, items.toBuffer());
  }

  private JsonObject item(Alert alert, String summary) {
    JsonObject annotations = new JsonObject().put("summary", summary);
    if (alert.output() != null && !alert.output().isEmpty()) {
      annotations.put("output", alert.output());
    }
    if (!alert.blocks().isEmpty()) {
      annotations.put("blocks", String.join(", ", alert.blocks()));
    }
    if (alert.ofInstances() > 1) {
      annotations.put("instances", String.join(", ", alert.instances()));
    }
    JsonObject item = new JsonObject().put("labels", new JsonObject(new LinkedHashMap<>(alert.labels())))
      .put("annotations", annotations).put("startsAt", alert.since().toString());
    if (generatorUrl != null) {
      item.put("generatorURL", generatorUrl);
    }
    return item;
  }

  /** @return the fingerprints of the alerts resent, for tests */
  List<String> firing() {
    synchronized (firing) {
      return List.copyOf(firing.keySet());
    }
  }

  @Override
  public Future<Void> close() {
    vertx.cancelTimer(timer);
    return super.close();
  }
}
