package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.alerts.Alert;
import dev.vitals.health.alerts.Notification;

import java.util.Locale;

/** The words every channel shows the same. */
final class Texts {

  private Texts() {
  }

  /** @return {@code [FIRING]}, {@code [REMINDER]} or {@code [RESOLVED]} */
  static String tag(Notification notification) {
    return "[" + notification.kind().name() + "]";
  }

  /**
   * @return a short headline: {@code db fails} (with {@code " (on 3 of 5 instances)"}), {@code db warns}, or
   * {@code db recovered}
   */
  static String headline(Notification notification) {
    Alert alert = notification.alert();
    if (notification.kind() == Notification.Kind.RESOLVED) {
      return alert.check() + " recovered";
    }
    return alert.check() + (alert.status() == HealthStatus.WARN ? " warns" : " fails")
      + (alert.ofInstances() > 1 ? " (on " + alert.instances().size() + " of " + alert.ofInstances() + " instances)"
      : "");
  }

  /** @return the alert's status as JSON writes it: {@code fail} or {@code warn} */
  static String status(Alert alert) {
    return alert.status().name().toLowerCase(Locale.ROOT);
  }

  /** @return the instance label, else the instances, else {@code vitals} */
  static String instance(Alert alert) {
    String label = alert.labels().get("instance");
    if (label != null) {
      return label;
    }
    return alert.instances().isEmpty() ? "vitals" : String.join(", ", alert.instances());
  }

  /** @return the text cut to {@code max} characters, the last one an ellipsis when cut */
  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
