package dev.vitals.health.web.history.impl;

import dev.vitals.health.CheckHistory;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The dashboard's HTML, complete without JavaScript, in one pass over one {@link StringBuilder}: failing checks
 * first, then warning, then passing (then by name); per check its status in words and colour, since when it has
 * had it, its last transition, its output, its availability per window, a timeline of the chosen window (24 h or
 * 7 d) coloured by status from its transitions (maintenance and no data apart), a latency sparkline of its recent
 * runs; non-critical and blocked-by marks. Rows carry stable {@code data-check}, {@code data-status} and
 * {@code data-critical} attributes and are focusable. No inline script or style (the page is served with
 * {@code Content-Security-Policy: default-src 'self'}).
 */
final class Dashboard {

  /** The timeline windows the page offers, by the names the availability map uses. */
  enum Window {
    DAY("24h", "24 h", 24 * 3_600_000L),
    WEEK("7d", "7 d", 7 * 24 * 3_600_000L);

    final String key;
    final String label;
    final long millis;

    Window(String key, String label, long millis) {
      this.key = key;
      this.label = label;
      this.millis = millis;
    }

    /** @return the window a {@code ?window=} value names, or null when it names none */
    static Window of(String key) {
      if (key == null || key.isEmpty()) {
        return DAY;
      }
      for (Window window : values()) {
        if (window.key.equals(key)) {
          return window;
        }
      }
      return null;
    }
  }

  /** A stretch of maintenance, in epoch ms; {@code to} is {@link Long#MAX_VALUE} while it lasts. */
  record Stretch(long from, long to) {
  }

  /** Timeline units across the chosen window (the SVG's viewBox width). */
  private static final int WIDTH = 1000;
  /** The sparkline's viewBox. */
  private static final int SPARK_W = 100;
  private static final int SPARK_H = 20;
  /** The most points a sparkline has (the runs kept are 100): half the bytes, the same shape at 6 rem. */
  private static final int SPARK_POINTS = 50;

  private static final Comparator<CheckReport> ORDER = Comparator.comparingInt((CheckReport c) -> rank(c.status()))
    .thenComparing(CheckReport::name);

  private Dashboard() {
  }

  /** What every part of a rendering shares. */
  record Page(String base, Window window, long now, Map<String, CheckHistory> histories, List<Stretch> maintenance,
              Predicate<HealthStatus> outputShown) {
  }

  /**
   * @param page        the base path as the browser sees it, the window, the time, the histories, maintenance
   *                    stretches and whose outputs to show (null: no check at all, {@code detail: status})
   * @param report      the current results
   * @param maintenance the maintenance state, or null
   * @param alerts      active alerts and silences as {@code GET /alerts} gives them, or null for no panel
   * @param fleet       the fleet as {@code GET /health/fleet} gives it, or null for no fleet view
   * @param lastEvent   the id of the newest event before the report was read: the script's stream starts after it
   * @return the whole page
   */
  static String render(Page page, HealthReport report, MaintenanceState maintenance, JsonObject alerts,
                       JsonObject fleet, long lastEvent) {
    String base = escape(page.base());
    String outcome = report.status().wireName();
    List<CheckReport> checks = page.outputShown() == null ? List.of() : sorted(report.checks());
    StringBuilder html = new StringBuilder(4096 + checks.size() * 1500);
    html.append("<!DOCTYPE html>\n<html lang=\"en\" data-base=\"").append(base).append("\" data-window=\"")
      .append(page.window().key).append("\" data-event-id=\"").append(lastEvent)
      .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
      .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
      .append("<title>").append(outcome).append(" · Vitals</title>\n")
      .append("<link rel=\"stylesheet\" href=\"").append(base).append("/ui/dashboard.css\">\n")
      .append("<script src=\"").append(base).append("/ui/dashboard.js\" defer></script>\n")
      .append("</head>\n<body>\n<a class=\"skip\" href=\"#checks\">Skip to the checks</a>\n<div id=\"dashboard\">\n");
    header(html, report, checks, maintenance);
    if (alerts != null && page.outputShown() != null) {
      AlertsPanel.render(html, alerts, page.outputShown());
    }
    if (fleet != null) {
      FleetPanel.render(html, page, fleet, report.checks());
    }
    html.append("<section id=\"checks\" aria-label=\"Checks\">\n<p class=\"toggle\">Timeline: ");
    for (Window window : Window.values()) {
      if (window == page.window()) {
        html.append("<strong aria-current=\"true\">").append(window.label).append("</strong> ");
      } else {
        html.append("<a href=\"").append(base).append("/ui?window=").append(window.key)
          .append("\" data-window=\"").append(window.key).append("\">").append(window.label).append("</a> ");
      }
    }
    html.append("<span class=\"legend\"><i class=\"s-pass\"></i>pass <i class=\"s-warn\"></i>warn <i class=\"s-fail\">")
      .append("</i>fail <i class=\"s-maintenance\"></i>maintenance <i class=\"s-none\"></i>no data</span></p>\n");
    html.append("<table class=\"checks\">\n<caption>").append(checks.size()).append(checks.size() == 1 ? " check" : " checks")
      .append(", failing first, as of <time datetime=\"").append(Instant.ofEpochMilli(page.now())).append("\">")
      .append(Instant.ofEpochMilli(page.now()).truncatedTo(ChronoUnit.SECONDS))
      .append("</time></caption>\n<thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Status</th>")
      .append("<th scope=\"col\">Since</th><th scope=\"col\">Last change</th><th scope=\"col\">Output</th>")
      .append("<th scope=\"col\">Available</th><th scope=\"col\">Last ").append(page.window().label)
      .append("</th><th scope=\"col\">Latency</th></tr></thead>\n<tbody>\n");
    for (CheckReport check : checks) {
      row(html, page, check);
    }
    html.append("</tbody>\n</table>\n</section>\n</div>\n</body>\n</html>\n");
    return html.toString();
  }

  /**
   * The parts the script swaps in after a change, without the rest of the page: the header, the alerts panel and
   * the rows of the named checks, each in a {@code <template>}-free wrapper the script reads by attribute.
   *
   * @param names the checks whose rows to render; unknown names are left out
   * @return {@code <div id="parts">...<table><tbody>rows</tbody></table></div>}
   */
  static String parts(Page page, HealthReport report, MaintenanceState maintenance, JsonObject alerts,
                      Collection<String> names) {
    List<CheckReport> all = page.outputShown() == null ? List.of() : sorted(report.checks());
    StringBuilder html = new StringBuilder(1024 + names.size() * 1500);
    html.append("<div id=\"parts\" data-outcome=\"").append(report.status().wireName()).append("\">\n");
    header(html, report, all, maintenance);
    int before = html.length();
    if (alerts != null && page.outputShown() != null) {
      AlertsPanel.render(html, alerts, page.outputShown());
    }
    if (html.length() == before) { // nothing active: an empty panel, which replaces the one the page shows
      html.append("<section class=\"alerts\" hidden></section>\n");
    }
    html.append("<table><tbody>\n");
    for (CheckReport check : all) {
      if (names.contains(check.name())) {
        row(html, page, check);
      }
    }
    html.append("</tbody></table>\n</div>\n");
    return html.toString();
  }

  private static List<CheckReport> sorted(List<CheckReport> checks) {
    List<CheckReport> sorted = new ArrayList<>(checks);
    sorted.sort(ORDER);
    return sorted;
  }

  static int rank(HealthStatus status) {
    return status == HealthStatus.FAIL ? 0 : status == HealthStatus.WARN ? 1 : 2;
  }

  private static void header(StringBuilder html, HealthReport report, List<CheckReport> checks,
                             MaintenanceState maintenance) {
    String outcome = report.status().wireName();
    int[] counts = new int[3];
    for (CheckReport check : checks) {
      counts[rank(check.status())]++;
    }
    html.append("<header id=\"summary\">\n<h1>Vitals: <span class=\"outcome s-").append(outcome)
      .append("\" data-outcome=\"").append(outcome).append("\">").append(word(report.status())).append("</span></h1>\n");
    if (!checks.isEmpty()) { // with detail: status, no check is shown, nor counted
      html.append("<p class=\"counts\"><span class=\"s-fail\" data-count=\"fail\">").append(counts[0])
        .append(" failing</span> · <span class=\"s-warn\" data-count=\"warn\">").append(counts[1])
        .append(" warning</span> · <span class=\"s-pass\" data-count=\"pass\">").append(counts[2])
        .append(" passing</span></p>\n");
    }
    if (maintenance != null && maintenance.inMaintenance()) {
      html.append("<p class=\"banner\" role=\"status\" data-maintenance=\"on\">In maintenance")
        .append(maintenance.since() == null ? "" : " since " + maintenance.since().truncatedTo(ChronoUnit.SECONDS))
        .append(maintenance.reason() == null || maintenance.reason().isEmpty() ? "" : ": " + escape(maintenance.reason()))
        .append("</p>\n");
    }
    html.append("</header>\n");
  }

  private static void row(StringBuilder html, Page page, CheckReport check) {
    CheckHistory history = page.histories().get(check.name());
    long now = page.now();
    String name = escape(check.name());
    String status = check.status().wireName();
    html.append("<tr data-check=\"").append(name).append("\" data-status=\"").append(status)
      .append("\" data-critical=\"").append(check.critical()).append("\" tabindex=\"0\">")
      .append("<th scope=\"row\" data-label=\"Check\"><a href=\"").append(escape(page.base())).append("/history/")
      .append(escape(path(check.name()))).append("\">").append(name).append("</a>");
    if (!check.critical()) {
      html.append(" <span class=\"mark noncritical\" title=\"its failure does not fail /health\">non-critical</span>");
    }
    JsonArray blockedBy = check.data() == null ? null : check.data().getJsonArray("blockedBy");
    if (blockedBy != null && !blockedBy.isEmpty()) {
      html.append(" <span class=\"mark blocked\" data-blocked-by=\"");
      StringBuilder names = new StringBuilder();
      for (int i = 0; i < blockedBy.size(); i++) {
        names.append(i == 0 ? "" : ", ").append(blockedBy.getValue(i));
      }
      String by = escape(names.toString());
      html.append(by).append("\">blocked by ").append(by).append("</span>");
    }
    html.append("</th><td data-label=\"Status\"><span class=\"status s-").append(status).append("\" data-check=\"")
      .append(name).append("\" data-status=\"").append(status).append("\">").append(word(check.status())).append("</span>");
    if (check.stale()) {
      html.append(" <span class=\"mark\">stale</span>");
    }
    if (history != null && history.flapping()) {
      html.append(" <span class=\"mark flapping\" data-flapping=\"true\" title=\"state changed in ")
        .append(Math.round(history.flapPercent())).append(" % of the last results\">flapping</span>");
    }
    html.append("</td><td data-label=\"Since\" class=\"since\">");
    time(html, history == null ? null : history.since(), now);
    html.append("</td><td data-label=\"Last change\" class=\"changed\">");
    List<CheckHistory.Transition> transitions = history == null ? List.of() : history.transitions();
    time(html, transitions.isEmpty() ? null : transitions.get(transitions.size() - 1).at(), now);
    long age = Math.max(0, now - check.timestamp());
    html.append("</td><td class=\"output\" data-label=\"Output\"><span class=\"text\">")
      .append(page.outputShown().test(check.status()) ? escape(check.output()) : "")
      .append("</span> <small>checked <time data-age=\"").append(age).append("\" datetime=\"")
      .append(Instant.ofEpochMilli(check.timestamp())).append("\">").append(age(age)).append("</time></small>")
      .append("</td><td data-label=\"Available\" class=\"availability\">");
    availability(html, history, page.window());
    html.append("</td><td data-label=\"Last ").append(page.window().label).append("\">");
    if (history != null) {
      timeline(html, history, page, now);
    }
    html.append("</td><td data-label=\"Latency\">");
    if (history != null) {
      sparkline(html, history.recent());
    }
    html.append("</td></tr>\n");
  }

  /** {@code db/primary} → {@code db/primary}, each segment %-encoded. */
  private static String path(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 8);
    for (String segment : name.split("/", -1)) {
      sb.append(sb.length() == 0 ? "" : "/").append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return sb.toString();
  }

  private static void time(StringBuilder html, Instant at, long now) {
    if (at == null) {
      html.append("–");
      return;
    }
    long age = Math.max(0, now - at.toEpochMilli());
    html.append("<time data-age=\"").append(age).append("\" datetime=\"").append(at).append("\" title=\"")
      .append(at.truncatedTo(ChronoUnit.SECONDS)).append("\">").append(age(age)).append("</time>");
  }

  /** The chosen window's figure first, then the others the history has (a {@code 30d} one when it is there). */
  private static void availability(StringBuilder html, CheckHistory history, Window window) {
    Map<String, Double> ratios = history == null ? Map.of() : history.availability();
    Double chosen = ratios.get(window.key);
    html.append("<span class=\"main\" data-window=\"").append(window.key).append("\">")
      .append(chosen == null ? "–" : percent(chosen)).append("</span>");
    boolean first = true;
    for (Map.Entry<String, Double> ratio : ratios.entrySet()) {
      if (ratio.getKey().equals(window.key) || ratio.getValue() == null || ratio.getKey().equals("1h")) {
        continue;
      }
      html.append(first ? "<small>" : " · ").append(escape(ratio.getKey())).append(' ').append(percent(ratio.getValue()));
      first = false;
    }
    if (!first) {
      html.append("</small>");
    }
    Double budget = history == null || history.slo() == null ? null : history.errorBudgetRemaining().get(window.key);
    if (budget != null) {
      html.append("<small class=\"budget").append(budget < 0 ? " s-fail" : "").append("\" data-budget=\"");
      decimal(html, budget);
      html.append("\" title=\"SLO ").append(history.slo()).append(" %\">").append(budget < 0 ? "budget overspent"
        : "budget " + Math.round(Math.floor(budget * 100)) + " % left").append("</small>");
    }
  }

  /**
   * One rect per stretch of one status over the window, from the transitions; grey where nothing was observed;
   * maintenance stretches drawn over them.
   */
  private static void timeline(StringBuilder html, CheckHistory history, Page page, long now) {
    long span = page.window().millis;
    long start = now - span;
    Double ratio = history.availability().get(page.window().key);
    html.append("<svg class=\"timeline\" viewBox=\"0 0 ").append(WIDTH).append(" 12\" preserveAspectRatio=\"none\" ")
      .append("role=\"img\" aria-label=\"last ").append(page.window().label).append(": ")
      .append(ratio == null ? "no result" : percent(ratio) + " available").append("\">");
    HealthStatus state = null;
    long from = start;
    for (CheckHistory.Transition t : history.transitions()) {
      long at = t.at().toEpochMilli();
      if (at <= start) {
        state = t.to();
        continue;
      }
      if (state == null && t.from() != null) {
        state = t.from(); // the transitions before it were dropped: its from is what held
      }
      rect(html, state == null ? "none" : state.wireName(), from, Math.min(at, now), start, span);
      state = t.to();
      from = at;
    }
    rect(html, state == null ? "none" : state.wireName(), from, now, start, span);
    for (Stretch stretch : page.maintenance()) {
      rect(html, "maintenance", Math.max(start, stretch.from()), Math.min(now, stretch.to()), start, span);
    }
    html.append("</svg>");
  }

  private static void rect(StringBuilder html, String status, long from, long to, long start, long span) {
    if (to <= from) {
      return;
    }
    html.append("<rect class=\"s-").append(status).append("\" x=\"");
    decimal(html, (from - start) * (double) WIDTH / span);
    html.append("\" y=\"0\" width=\"");
    decimal(html, Math.max(0.5, (to - from) * (double) WIDTH / span));
    html.append("\" height=\"12\"/>");
  }

  /** A polyline of the recent runs' durations, scaled to the slowest; its label says the last and the slowest. */
  private static void sparkline(StringBuilder html, List<CheckHistory.Run> runs) {
    if (runs.isEmpty()) {
      html.append("–");
      return;
    }
    long max = 1;
    for (CheckHistory.Run run : runs) {
      max = Math.max(max, run.durationMs());
    }
    long last = runs.get(runs.size() - 1).durationMs();
    html.append("<svg class=\"sparkline\" viewBox=\"0 0 ").append(SPARK_W).append(' ').append(SPARK_H)
      .append("\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"latency of the last ").append(runs.size())
      .append(" runs: last ").append(last).append(" ms, slowest ").append(max).append(" ms\"><polyline points=\"");
    // At most SPARK_POINTS points, each the slowest of its share of the runs: a spike is never averaged away.
    int n = Math.min(runs.size(), SPARK_POINTS);
    for (int i = 0; i < n; i++) {
      int from = i * runs.size() / n;
      int to = (i + 1) * runs.size() / n;
      long slowest = 0;
      for (int r = from; r < to; r++) {
        slowest = Math.max(slowest, runs.get(r).durationMs());
      }
      long x = n == 1 ? SPARK_W : Math.round(i * (double) SPARK_W / (n - 1));
      long y = SPARK_H - 1 - Math.round(slowest * (SPARK_H - 2.0) / max);
      html.append(i == 0 ? "" : " ").append(x).append(',').append(y);
    }
    html.append("\"/></svg><small>").append(last).append(" ms</small>");
  }

  /** Two decimals without {@code String.format} (a thousand rows of it shows). */
  private static void decimal(StringBuilder html, double value) {
    long hundredths = Math.round(value * 100);
    if (hundredths < 0) {
      html.append('-');
      hundredths = -hundredths;
    }
    html.append(hundredths / 100).append('.');
    long rest = hundredths % 100;
    html.append(rest < 10 ? "0" : "").append(rest);
  }

  /** The status in words, with a sign, so that colour is never the only clue. */
  static String word(HealthStatus status) {
    return switch (status) {
      case PASS -> "✔ pass";
      case WARN -> "▲ warn";
      default -> "✖ fail";
    };
  }

  static String percent(double ratio) {
    StringBuilder sb = new StringBuilder(10);
    decimal(sb, ratio * 100);
    return sb.append(" %").toString();
  }

  static String age(long ms) {
    long s = ms / 1000;
    return s < 120 ? s + " s ago" : s < 7200 ? s / 60 + " min ago" : s < 172_800 ? s / 3600 + " h ago"
      : s / 86_400 + " d ago";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String entity = switch (c) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (entity != null && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (entity != null) {
          sb.append(entity);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? text : sb.toString();
  }
}
