package dev.vitals.health.web.history.impl;

import io.vertx.core.json.JsonObject;
import dev.vitals.health.CheckHistory;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceState;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The dashboard's HTML, complete without JavaScript: one row per check with stable {@code data-check} and
 * {@code data-status} attributes, status in words beside its colour, and a 24 h timeline as inline SVG. No inline
 * script or style (the page is served with {@code Content-Security-Policy: default-src 'self'}).
 */
final class Dashboard {

  private static final long DAY = 24 * 3_600_000L;

  private Dashboard() {
  }

  /**
   * @param base        the path the routes are mounted at, as the browser sees it ({@code /health})
   * @param report      the current results
   * @param histories   what is remembered per check (empty when history is off)
   * @param maintenance the maintenance state, or null
   * @param outputShown whose outputs to show, or null to show no check at all ({@code detail: status})
   * @param alerts      active alerts and silences as {@code GET /alerts} gives them, or null for no panel
   */
  static String render(String base, HealthReport report, Map<String, CheckHistory> histories,
                       MaintenanceState maintenance, Predicate<HealthStatus> outputShown, JsonObject alerts) {
    long now = report.timestamp();
    String outcome = report.status().wireName();
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"en\" data-base=\"").append(escape(base)).append("\">\n<head>\n")
      .append("<meta charset=\"utf-8\">\n")
      .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
      .append("<title>").append(outcome).append(" · Vitals</title>\n")
      .append("<link rel=\"stylesheet\" href=\"").append(escape(base)).append("/ui/dashboard.css\">\n")
      .append("<script src=\"").append(escape(base)).append("/ui/dashboard.js\" defer></script>\n")
      .append("</head>\n<body>\n<div id=\"dashboard\">\n<header>\n<h1>Vitals: <span class=\"outcome s-").append(outcome)
      .append("\" data-outcome=\"").append(outcome).append("\">").append(word(report.status())).append("</span></h1>\n")
      .append("</header>\n");
    if (maintenance != null && maintenance.inMaintenance()) {
      html.append("<p class=\"banner\" role=\"status\" data-maintenance=\"on\">In maintenance")
        .append(maintenance.since() == null ? "" : " since " + maintenance.since().truncatedTo(ChronoUnit.SECONDS)).append(maintenance.reason() == null || maintenance.reason().isEmpty() ? ""
          : ": " + escape(maintenance.reason())).append("</p>\n");
    }
    if (alerts != null && outputShown != null) {
      AlertsPanel.render(html, alerts, outputShown);
    }
    html.append("<table>\n<caption>").append(report.checks().size()).append(report.checks().size() == 1 ? " check" : " checks")
      .append(" as of <time datetime=\"").append(Instant.ofEpochMilli(now)).append("\">").append(Instant.ofEpochMilli(now))
      .append("</time></caption>\n<thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Status</th>")
      .append("<th scope=\"col\">Output</th><th scope=\"col\">Result age</th><th scope=\"col\">24 h available</th>")
      .append("<th scope=\"col\">Last 24 h</th></tr></thead>\n<tbody>\n");
    if (outputShown != null) {
      for (CheckReport check : report.checks()) {
        row(html, check, histories.get(check.name()), now, outputShown);
      }
    }
    html.append("</tbody>\n</table>\n</div>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void row(StringBuilder html, CheckReport check, CheckHistory history, long now,
                          Predicate<HealthStatus> outputShown) {
    String name = escape(check.name());
    String status = check.status().wireName();
    html.append("<tr data-check=\"").append(name).append("\" data-status=\"").append(status).append("\">")
      .append("<th scope=\"row\" data-label=\"Check\">").append(name).append("</th>")
      .append("<td data-label=\"Status\"><span class=\"status s-").append(status).append("\" data-check=\"").append(name)
      .append("\" data-status=\"").append(status).append("\">").append(word(check.status())).append("</span>");
    if (check.stale()) {
      html.append(" <span class=\"mark\">stale</span>");
    }
    if (history != null && history.flapping()) {
      html.append(" <span class=\"mark flapping\" data-flapping=\"true\" title=\"")
        .append(String.format(Locale.ROOT, "state changed in %.0f %% of the last results", history.flapPercent()))
        .append("\">flapping</span>");
    }
    long age = Math.max(0, now - check.timestamp());
    html.append("</td><td class=\"output\" data-label=\"Output\">")
      .append(outputShown.test(check.status()) ? escape(check.output()) : "")
      .append("</td><td data-label=\"Result age\"><time data-age=\"").append(age).append("\" datetime=\"")
      .append(Instant.ofEpochMilli(check.timestamp())).append("\">").append(age(age)).append("</time></td>")
      .append("<td data-label=\"24 h available\" class=\"availability\">");
    Double day = history == null ? null : history.availability().get("24h");
    html.append(day == null ? "–" : percent(day)).append("</td><td data-label=\"Last 24 h\">");
    if (history != null) {
      timeline(html, history, now);
    }
    html.append("</td></tr>\n");
  }

  /** One rect per stretch of one status over the last 24 h, a minute a unit; grey where nothing was observed. */
  private static void timeline(StringBuilder html, CheckHistory history, long now) {
    long start = now - DAY;
    List<CheckHistory.Transition> transitions = history.transitions();
    html.append("<svg class=\"timeline\" viewBox=\"0 0 1440 12\" preserveAspectRatio=\"none\" role=\"img\" ")
      .append("aria-label=\"last 24 h: ").append(history.availability().get("24h") == null ? "no result"
        : percent(history.availability().get("24h")) + " available").append("\">");
    HealthStatus state = null;
    long from = start;
    for (CheckHistory.Transition t : transitions) {
      long at = t.at().toEpochMilli();
      if (at <= start) {
        state = t.to();
        continue;
      }
      if (state == null && t.from() != null) {
        state = t.from(); // the transitions before it were dropped: its from is what held
      }
      rect(html, state, from, at, start);
      state = t.to();
      from = at;
    }
    rect(html, state, from, now, start);
    html.append("</svg>");
  }

  private static void rect(StringBuilder html, HealthStatus state, long from, long to, long start) {
    if (to <= from) {
      return;
    }
    html.append(String.format(Locale.ROOT, "<rect class=\"s-%s\" x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"12\"/>",
      state == null ? "none" : state.wireName(), (from - start) / 60_000.0, (to - from) / 60_000.0));
  }

  /** The status in words, with a sign, so that colour is never the only clue. */
  private static String word(HealthStatus status) {
    return switch (status) {
      case PASS -> "✔ pass";
      case WARN -> "▲ warn";
      default -> "✖ fail";
    };
  }

  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.2f %%", ratio * 100);
  }

  private static String age(long ms) {
    long s = ms / 1000;
    return s < 120 ? s + " s ago" : s < 7200 ? s / 60 + " min ago" : s / 3600 + " h ago";
  }

  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
