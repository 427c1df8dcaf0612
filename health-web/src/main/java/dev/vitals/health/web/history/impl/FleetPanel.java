package dev.vitals.health.web.history.impl;

import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The dashboard's fleet view, from {@code GET /health/fleet}'s JSON: instances × checks, each cell a status. A
 * member names only its failing and warning checks (at most 32 of them, {@code failingCount} says how many), so a
 * check it does not name passes there, unless it named fewer than it has ("?") or is not up ("?", no data). The
 * checks failing or warning somewhere are rows of the matrix, worst first; those no instance names are listed
 * below it, folded. Each column's head is a link to that instance: its own dashboard when its address is known
 * (a {@code dashboard} URL in its JSON, else an {@code instance} of the form {@code host:port}, where the same
 * path is assumed), else its detail further down the page; so is each cell that is not a pass.
 */
final class FleetPanel {

  /** host:port, host a DNS name or an IPv4 address, or a bracketed IPv6 one. */
  private static final Pattern HOST_PORT =
    Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}\\]):[0-9]{1,5}");

  private FleetPanel() {
  }

  /** One member as the panel reads it. */
  private record Member(int index, String name, String state, HealthStatus outcome, boolean ready,
                        boolean maintenance, boolean self, int failingCount, Map<String, JsonObject> failing,
                        String link, JsonObject json) {
    boolean up() {
      return "up".equals(state);
    }
  }

  /**
   * @param html   where the panel goes
   * @param page   the page's base path and whose outputs to show (null: no check at all)
   * @param fleet  the fleet's JSON
   * @param checks this instance's checks (rows even when no member names them)
   * @return a version of what the panel shows (not of ages): equal versions render the same cells
   */
  static long render(StringBuilder html, Dashboard.Page page, JsonObject fleet, List<CheckReport> checks) {
    Predicate<HealthStatus> shown = page.outputShown();
    JsonArray nodes = fleet.getJsonArray("nodes", new JsonArray());
    List<Member> members = new ArrayList<>(nodes.size());
    long version = 17;
    for (int i = 0; i < nodes.size(); i++) {
      if (!(nodes.getValue(i) instanceof JsonObject node)) {
        continue;
      }
      Member member = member(members.size(), node, page.base());
      members.add(member);
      version = mix(version, member.name() + "|" + member.state() + "|" + member.outcome() + "|" + member.ready()
        + "|" + member.maintenance() + "|" + member.failingCount() + "|" + member.link());
      for (JsonObject failing : member.failing().values()) {
        version = mix(version, failing.getString("name") + "|" + failing.getString("status") + "|"
          + failing.getString("output"));
      }
    }
    int ready = 0;
    for (Member member : members) {
      ready += member.ready() ? 1 : 0;
    }
    boolean stale = fleet.getBoolean("stale", false);
    String error = fleet.getString("error");
    version = mix(version, stale + "|" + error);
    html.append("<section class=\"fleet\" id=\"fleet\" aria-labelledby=\"fleet-title\" data-version=\"")
      .append(Long.toHexString(version)).append("\">\n<h2 id=\"fleet-title\">Fleet: ").append(members.size())
      .append(members.size() == 1 ? " instance, " : " instances, ").append(ready).append(" ready</h2>\n");
    if (stale || error != null) {
      html.append("<p class=\"banner stale\" role=\"status\">The fleet view is stale")
        .append(error == null ? "" : ": " + Dashboard.escape(error)).append("</p>\n");
    }
    if (members.isEmpty()) {
      html.append("<p>No instance heard of yet.</p>\n</section>\n");
      return version;
    }
    // Rows: this instance's checks and any check a member names, worst first (by fails, then warns), then by name.
    Set<String> names = new TreeSet<>();
    if (shown != null) {
      checks.forEach(check -> names.add(check.name()));
      members.forEach(member -> names.addAll(member.failing().keySet()));
    }
    Map<String, int[]> problems = new HashMap<>();
    for (Member member : members) {
      for (JsonObject failing : member.failing().values()) {
        int[] counts = problems.computeIfAbsent(failing.getString("name"), n -> new int[2]);
        counts["warn".equals(failing.getString("status")) ? 1 : 0]++;
      }
    }
    List<String> rows = new ArrayList<>(problems.keySet());
    rows.retainAll(names);
    rows.sort((a, b) -> {
      int[] x = problems.get(a);
      int[] y = problems.get(b);
      return x[0] != y[0] ? y[0] - x[0] : x[1] != y[1] ? y[1] - x[1] : a.compareTo(b);
    });

    html.append("<div class=\"matrix\" role=\"region\" aria-label=\"Instances by checks\" tabindex=\"0\">\n")
      .append("<table class=\"fleet-matrix\">\n<thead><tr><th scope=\"col\">Check \\ instance</th>");
    for (Member member : members) {
      String outcome = member.up() ? member.outcome().wireName() : "none";
      html.append("<th scope=\"col\" class=\"inst s-").append(outcome).append("\" data-instance=\"")
        .append(Dashboard.escape(member.name())).append("\"><a href=\"").append(Dashboard.escape(member.link()))
        .append("\" title=\"").append(Dashboard.escape(member.name())).append(": ").append(member.state())
        .append(member.up() ? ", " + member.outcome().wireName() : "").append(member.maintenance() ? ", in maintenance" : "")
        .append(member.self() ? " (this instance)" : "").append("\">").append(Dashboard.escape(member.name()))
        .append("</a></th>");
    }
    html.append("</tr></thead>\n<tbody>\n<tr class=\"overall\" data-fleet-check=\"\"><th scope=\"row\">overall</th>");
    for (Member member : members) {
      String status = !member.up() ? "none" : member.maintenance() ? "maintenance" : member.outcome().wireName();
      String text = !member.up() ? "? " + member.state() : member.maintenance() ? "⏸ maint." : Dashboard.word(member.outcome());
      cell(html, member, status, text, member.name() + ": " + (member.up() ? member.outcome().wireName()
        + (member.maintenance() ? ", in maintenance" : "") : member.state()), true);
    }
    html.append("</tr>\n");
    for (String name : rows) {
      String escaped = Dashboard.escape(name);
      html.append("<tr data-fleet-check=\"").append(escaped).append("\"><th scope=\"row\">").append(escaped).append("</th>");
      for (Member member : members) {
        JsonObject failing = member.failing().get(name);
        if (!member.up()) {
          cell(html, member, "none", "?", name + " on " + member.name() + ": no data (" + member.state() + ")", true);
        } else if (failing != null) {
          String status = "warn".equals(failing.getString("status")) ? "warn" : "fail";
          String output = failing.getString("output", "");
          boolean show = !output.isEmpty() && shown.test("warn".equals(status) ? HealthStatus.WARN : HealthStatus.FAIL);
          cell(html, member, status, "warn".equals(status) ? "▲" : "✖",
            name + " on " + member.name() + ": " + status + (show ? ": " + output : ""), true);
        } else if (member.failingCount() > member.failing().size()) {
          cell(html, member, "none", "?", name + " on " + member.name() + ": not named (it names "
            + member.failing().size() + " of its " + member.failingCount() + " failing checks)", true);
        } else {
          cell(html, member, "pass", "✔", name + " on " + member.name() + ": pass", false);
        }
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</div>\n");
    List<String> clear = new ArrayList<>(names);
    clear.removeAll(problems.keySet());
    if (!clear.isEmpty()) {
      html.append("<details class=\"clear\"><summary>").append(clear.size())
        .append(clear.size() == 1 ? " check" : " checks")
        .append(" no instance names as failing or warning (✔ on every instance up)</summary>\n<p class=\"names\">");
      for (int i = 0; i < clear.size(); i++) {
        html.append(i == 0 ? "" : ", ").append(Dashboard.escape(clear.get(i)));
      }
      html.append("</p>\n</details>\n");
    }
    html.append("<details class=\"members\"><summary>Instances</summary>\n<ol class=\"instances\">\n");
    for (Member member : members) {
      instance(html, member, shown);
    }
    html.append("</ol>\n</details>\n</section>\n");
    return version;
  }

  private static void cell(StringBuilder html, Member member, String status, String text, String title, boolean link) {
    html.append("<td class=\"s-").append(status).append("\" data-instance=\"").append(member.index())
      .append("\" data-status=\"").append(status).append("\" title=\"").append(Dashboard.escape(title)).append("\">");
    if (link) {
      html.append("<a href=\"").append(Dashboard.escape(member.link())).append("\">").append(text).append("</a>");
    } else {
      html.append(text);
    }
    html.append("</td>");
  }

  private static void instance(StringBuilder html, Member member, Predicate<HealthStatus> shown) {
    JsonObject json = member.json();
    html.append("<li id=\"instance-").append(member.index()).append("\" data-node=\"")
      .append(Dashboard.escape(json.getString("node", ""))).append("\"><strong>").append(Dashboard.escape(member.name()))
      .append("</strong>").append(member.self() ? " (this instance)" : "").append(": ").append(member.state());
    if (member.up()) {
      html.append(", <span class=\"s-").append(member.outcome().wireName()).append("\">")
        .append(Dashboard.word(member.outcome())).append("</span>").append(member.ready() ? ", ready" : ", not ready");
    }
    if (member.maintenance()) {
      html.append(", in maintenance");
      String reason = json.getString("reason");
      if (reason != null && !reason.isEmpty()) {
        html.append(": ").append(Dashboard.escape(reason));
      }
    }
    Object age = json.getValue("ageMs");
    if (age instanceof Number ms) {
      html.append("; heard of <time data-age=\"").append(ms.longValue()).append("\">").append(Dashboard.age(ms.longValue()))
        .append("</time>");
    }
    if (member.failingCount() > 0) {
      html.append("; ").append(member.failingCount()).append(" failing or warning");
      if (shown != null && !member.failing().isEmpty()) {
        html.append(":<ul>");
        for (JsonObject failing : member.failing().values()) {
          String status = "warn".equals(failing.getString("status")) ? "warn" : "fail";
          String output = failing.getString("output", "");
          html.append("<li><span class=\"s-").append(status).append("\">").append(status).append("</span> ")
            .append(Dashboard.escape(failing.getString("name")));
          if (!output.isEmpty() && shown.test("warn".equals(status) ? HealthStatus.WARN : HealthStatus.FAIL)) {
            html.append(": <span class=\"output\">").append(Dashboard.escape(output)).append("</span>");
          }
          html.append("</li>");
        }
        html.append("</ul>");
      }
    }
    html.append("</li>\n");
  }

  private static Member member(int index, JsonObject node, String base) {
    String name = text(node, "instance");
    if (name.isEmpty()) {
      name = text(node, "node");
    }
    HealthStatus outcome;
    try {
      outcome = HealthStatus.fromWireName(text(node, "outcome"));
    } catch (IllegalArgumentException e) {
      outcome = HealthStatus.FAIL;
    }
    Map<String, JsonObject> failing = new java.util.LinkedHashMap<>();
    Object list = node.getValue("failing");
    if (list instanceof JsonArray array) {
      for (Object item : array) {
        if (item instanceof JsonObject check && check.getValue("name") instanceof String checkName) {
          failing.putIfAbsent(checkName, check);
        }
      }
    }
    Object count = node.getValue("failingCount");
    int failingCount = Math.max(failing.size(), count instanceof Number n ? n.intValue() : failing.size());
    boolean self = Boolean.TRUE.equals(node.getValue("self"));
    String state = text(node, "state");
    return new Member(index, name, state.isEmpty() ? "up" : state, outcome, Boolean.TRUE.equals(node.getValue("ready")),
      Boolean.TRUE.equals(node.getValue("maintenance")), self, failingCount, failing,
      link(index, node, name, self, base), node);
  }

  /** Its dashboard: given, or at host:port under the same path; this page for itself; else its detail below. */
  private static String link(int index, JsonObject node, String name, boolean self, String base) {
    if (self) {
      return "#checks";
    }
    String given = node.getValue("dashboard") instanceof String url ? url : null;
    if (given != null && (given.startsWith("http://") || given.startsWith("https://"))) {
      return given;
    }
    if (HOST_PORT.matcher(name).matches()) {
      return "//" + name + base + "/ui";
    }
    return "#instance-" + index;
  }

  private static String text(JsonObject json, String field) {
    return json.getValue(field) instanceof String value ? value : "";
  }

  private static long mix(long hash, String value) {
    return hash * 1_000_003L ^ value.hashCode();
  }
}
