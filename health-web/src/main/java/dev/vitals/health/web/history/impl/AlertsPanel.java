package dev.vitals.health.web.history.impl;

import dev.vitals.health.HealthStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The dashboard's panel of active alerts and silences, from health-alerts' {@code GET /alerts} JSON: a list per
 * kind with stable {@code data-alert} and {@code data-silence} attributes; nothing when there are neither.
 */
final class AlertsPanel {

  private AlertsPanel() {
  }

  /**
   * @param html        where the panel goes
   * @param state       {@code {"alerts": [...], "silences": [...]}}
   * @param outputShown whose outputs the caller may see; silences only to one who may see a failure's
   */
  static void render(StringBuilder html, JsonObject state, Predicate<HealthStatus> outputShown) {
    JsonArray alerts = state.getJsonArray("alerts", new JsonArray());
    boolean details = outputShown.test(HealthStatus.FAIL);
    JsonArray silences = details ? state.getJsonArray("silences", new JsonArray()) : new JsonArray();
    if (alerts.isEmpty() && silences.isEmpty()) {
      return;
    }
    html.append("<section class=\"alerts\" aria-label=\"Alerts\">\n");
    if (!alerts.isEmpty()) {
      html.append("<h2>").append(alerts.size()).append(alerts.size() == 1 ? " active alert" : " active alerts")
        .append("</h2>\n<ul>\n");
      for (Object item : alerts) {
        alert(html, (JsonObject) item, outputShown);
      }
      html.append("</ul>\n");
    }
    if (!silences.isEmpty()) {
      html.append("<h2>").append(silences.size()).append(silences.size() == 1 ? " silence" : " silences")
        .append("</h2>\n<ul>\n");
      for (Object item : silences) {
        silence(html, (JsonObject) item);
      }
      html.append("</ul>\n");
    }
    html.append("</section>\n");
  }

  private static void alert(StringBuilder html, JsonObject alert, Predicate<HealthStatus> outputShown) {
    String status = alert.getString("status", "fail");
    HealthStatus health = "warn".equals(status) ? HealthStatus.WARN : HealthStatus.FAIL;
    html.append("<li data-alert=\"").append(Dashboard.escape(alert.getString("check", ""))).append("\"")
      .append(alert.getBoolean("silenced", false) ? " data-silenced=\"true\"" : "").append(">")
      .append("<span class=\"status s-").append(health.wireName()).append("\">")
      .append(status.toUpperCase(Locale.ROOT)).append("</span> ")
      .append("<strong>").append(Dashboard.escape(alert.getString("check", ""))).append("</strong>")
      .append(" since <time datetime=\"").append(Dashboard.escape(alert.getString("since", ""))).append("\">")
      .append(Dashboard.escape(alert.getString("since", ""))).append("</time>");
    JsonArray blocks = alert.getJsonArray("blocks", new JsonArray());
    if (!blocks.isEmpty()) {
      html.append("; blocks ").append(Dashboard.escape(String.join(", ", blocks.stream().map(String::valueOf).toList())));
    }
    if (alert.getBoolean("silenced", false)) {
      html.append(" <span class=\"mark\">silenced</span>");
    }
    String output = alert.getString("output");
    if (output != null && !output.isEmpty() && outputShown.test(health)) {
      html.append("<br><span class=\"output\">").append(Dashboard.escape(output)).append("</span>");
    }
    html.append("</li>\n");
  }

  private static void silence(StringBuilder html, JsonObject silence) {
    JsonArray matches = silence.getJsonArray("checks", new JsonArray()).copy();
    silence.getJsonArray("tags", new JsonArray()).forEach(tag -> matches.add("tag " + tag));
    html.append("<li data-silence=\"").append(Dashboard.escape(silence.getString("id", ""))).append("\">")
      .append(Dashboard.escape(String.join(", ", matches.stream().map(String::valueOf).toList())))
      .append(" until <time datetime=\"").append(Dashboard.escape(silence.getString("until", ""))).append("\">")
      .append(Dashboard.escape(silence.getString("until", ""))).append("</time>: ")
      .append(Dashboard.escape(silence.getString("reason", ""))).append(" (")
      .append(Dashboard.escape(silence.getString("createdBy", ""))).append(")</li>\n");
  }
}
