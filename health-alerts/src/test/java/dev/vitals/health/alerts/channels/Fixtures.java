package dev.vitals.health.alerts.channels;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.alerts.Alert;
import dev.vitals.health.alerts.Notification;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts and notifications as the engine makes them. */
final class Fixtures {

  static final Instant SINCE = Instant.parse("2026-12-06T12:00:00Z");

  private Fixtures() {
  }

  static Alert alert(String check) {
    return new Alert(check, HealthStatus.FAIL, "Connection refused", true, SINCE, List.of("invoices", "orders"),
      List.of("web-1"), 1, "default", Map.of("alertname", "VitalsCheckFailing", "check", check,
      "instance", "web-1", "application", "orders", "severity", "critical"));
  }

  static Notification firing(String check) {
    return new Notification(Notification.Kind.FIRING, alert(check), SINCE.plusSeconds(5));
  }

  static Notification resolved(String check) {
    return new Notification(Notification.Kind.RESOLVED, alert(check), SINCE.plusSeconds(60));
  }

  static ChannelOptions channel(String type, String name, JsonObject settings) {
    return new ChannelOptions(settings.copy().put("type", type).put("name", name));
  }
}
