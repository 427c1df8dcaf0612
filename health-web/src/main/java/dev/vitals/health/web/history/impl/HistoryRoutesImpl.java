package dev.vitals.health.web.history.impl;

import dev.vitals.health.CheckHistory;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.StatusChange;
import dev.vitals.health.StatusEvents;
import dev.vitals.health.web.history.HistoryRoutes;
import dev.vitals.health.web.history.HistoryRoutesOptions;
import dev.vitals.health.web.internal.ErrorResponse;
import dev.vitals.health.web.internal.HealthPath;
import dev.vitals.health.web.internal.Responses;
import dev.vitals.health.web.probes.Detail;
import dev.vitals.health.web.probes.FailureDetails;
import dev.vitals.health.web.probes.ProbeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

public final class HistoryRoutesImpl implements HistoryRoutes {

  private static final String CSP = "default-src 'self'";
  /** The most checks one {@code ui/parts} request names. */
  static final int MAX_PARTS = 100;
  /** How long a badge may be cached, in s. */
  static final int BADGE_MAX_AGE_S = 30;

  private final CheckRegistry registry;
  private final MaintenanceSource maintenance;
  private volatile java.util.function.Supplier<io.vertx.core.json.JsonObject> alerts;
  private volatile java.util.function.Supplier<io.vertx.core.json.JsonObject> fleet;
  private final MaintenanceStretches stretches = new MaintenanceStretches();
  private final EventStreams streams;
  private final Buffer css = resource("dashboard.css");
  private final Buffer js = resource("dashboard.js");
  private volatile ProbeOptions probe = new ProbeOptions();
  private volatile Predicate<RoutingContext> authenticated = ctx -> ctx.user() != null;

  public HistoryRoutesImpl(Vertx vertx, CheckRegistry registry, MaintenanceSource maintenance,
                           HistoryRoutesOptions options) {
    Objects.requireNonNull(vertx, "vertx");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.maintenance = maintenance;
    HistoryRoutesOptions o = new HistoryRoutesOptions(Objects.requireNonNull(options, "options"));
    streams = new EventStreams(vertx, o);
    StatusEvents.listen(registry, maintenance, streams::publish);
    if (maintenance != null) {
      stretches.changed(maintenance.state());
      maintenance.addListener(stretches::changed);
    }
  }

  private static Buffer resource(String name) {
    try (InputStream in = HistoryRoutesImpl.class.getResourceAsStream(name)) {
      return Buffer.buffer(Objects.requireNonNull(in, name).readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public HistoryRoutes detail(ProbeOptions probe) {
    this.probe = new ProbeOptions(Objects.requireNonNull(probe, "probe"));
    return this;
  }

  @Override
  public HistoryRoutes alerts(java.util.function.Supplier<io.vertx.core.json.JsonObject> alerts) {
    this.alerts = alerts;
    return this;
  }

  @Override
  public HistoryRoutes fleet(java.util.function.Supplier<io.vertx.core.json.JsonObject> fleet) {
    this.fleet = fleet;
    return this;
  }

  @Override
  public HistoryRoutes authenticatedBy(Predicate<RoutingContext> authenticated) {
    this.authenticated = Objects.requireNonNull(authenticated, "authenticated");
    return this;
  }

  @Override
  public Router mount(Router router, String path) {
    String base = CheckRegistry.normalizeName(Objects.requireNonNull(path, "path"));
    String prefix = base.isEmpty() ? "" : "/" + base;
    router.route(prefix + "/history/*").handler(this::history);
    router.route(prefix + "/events").handler(this::events);
    router.route(prefix + "/ui/*").handler(ctx -> ui(ctx, prefix));
    router.route(prefix + "/badges/*").handler(this::badge);
    return router;
  }

  @Override
  public int openStreams() {
    return streams.open();
  }

  @Override
  public void close() {
    streams.close();
  }

  /** Whose outputs this caller sees, as {@code /health} would show them; null: no check at all. */
  private Predicate<HealthStatus> outputShown(RoutingContext ctx) {
    ProbeOptions rules = probe;
    if (rules.getDetail() == Detail.STATUS) {
      return null;
    }
    if (rules.getDetail() == Detail.NAMES) {
      return status -> false;
    }
    if (rules.getFailureDetails() == FailureDetails.AUTHENTICATED && !authenticated.test(ctx)) {
      return status -> status != HealthStatus.FAIL;
    }
    return status -> true;
  }

  private boolean rejected(RoutingContext ctx) {
    return ErrorResponse.rejectMethod(ctx, "GET, HEAD", HttpMethod.GET, HttpMethod.HEAD);
  }

  private void history(RoutingContext ctx) {
    if (rejected(ctx)) {
      return;
    }
    Predicate<HealthStatus> shown = outputShown(ctx);
    String name = HealthPath.selection(ctx);
    JsonObject body;
    if (name.isEmpty()) {
      // Every check's summary by default (what the windows give, not the lists that grow with the past: 1,000 checks
      // with 100 runs each were 11.6 MB and 356 ms); ?detail=full for every check's whole object.
      String detail = ctx.queryParams().get("detail");
      if (detail != null && !detail.equals("full") && !detail.equals("summary")) {
        ErrorResponse.send(ctx, 400, "detail: expected summary or full, got '" + cut(detail) + "'");
        return;
      }
      boolean full = "full".equals(detail);
      JsonObject checks = new JsonObject();
      if (shown != null) {
        registry.history().forEach((check, past) -> checks.put(check, full ? past.toJson(shown) : past.toSummaryJson()));
      }
      body = new JsonObject().put("checks", checks);
    } else {
      CheckHistory past = shown == null ? null : registry.history(name);
      if (past == null) {
        ErrorResponse.send(ctx, 404, "Check not found: " + name);
        return;
      }
      body = past.toJson(shown);
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Responses.end(ctx, body.toBuffer());
  }

  private void events(RoutingContext ctx) {
    if (ErrorResponse.rejectMethod(ctx, "GET", HttpMethod.GET)) {
      return;
    }
    // The header (an EventSource's reconnection), else the query (its first connection: the page's newest event).
    String header = ctx.request().getHeader("Last-Event-ID");
    if (header == null) {
      header = ctx.queryParams().get("lastEventId");
    }
    Long last = null;
    if (header != null && !header.isBlank()) {
      try {
        last = Long.parseLong(header.trim());
      } catch (NumberFormatException e) {
        ErrorResponse.send(ctx, 400, "Last-Event-ID: expected an event id, got '" + cut(header) + "'");
        return;
      }
    }
    streams.open(ctx, last, shown(outputShown(ctx)));
  }

  private static String cut(String text) {
    return text.length() <= 40 ? text : text.substring(0, 39) + "…";
  }

  /** What a change looks like to a caller: outputs as {@code /health} would show them; checks not at all with status detail. */
  private static UnaryOperator<JsonObject> shown(Predicate<HealthStatus> outputShown) {
    return json -> {
      String kind = json.getString("kind");
      if (StatusChange.Kind.MAINTENANCE.wireName().equals(kind)) {
        return json;
      }
      boolean overall = StatusChange.Kind.OVERALL.wireName().equals(kind);
      if (outputShown == null && !overall) {
        return null;
      }
      HealthStatus to = HealthStatus.PASS;
      for (HealthStatus status : HealthStatus.values()) {
        if (status.wireName().equals(json.getString("to"))) {
          to = status;
        }
      }
      boolean show = outputShown != null && outputShown.test(to)
        && (!overall || outputShown.test(HealthStatus.FAIL)); // the overall output names failing checks' outputs
      return show ? json : json.copy().put("output", "");
    };
  }

  private void ui(RoutingContext ctx, String prefix) {
    if (rejected(ctx)) {
      return;
    }
    String rest = ctx.pathParam("*");
    rest = rest == null ? "" : rest;
    if (rest.equals("dashboard.css")) {
      asset(ctx, "text/css; charset=utf-8", css);
      return;
    } else if (rest.equals("dashboard.js")) {
      asset(ctx, "text/javascript; charset=utf-8", js);
      return;
    }
    boolean page = rest.isEmpty() || rest.equals("/");
    if (!page && !rest.equals("parts") && !rest.equals("fleet")) {
      ErrorResponse.send(ctx, 404, "Not found: " + cut(rest));
      return;
    }
    String asked = ctx.queryParams().get("window");
    Dashboard.Window window = Dashboard.Window.of(asked);
    if (window == null) {
      ErrorResponse.send(ctx, 400, "window: expected 24h or 7d, got '" + cut(asked) + "'");
      return;
    }
    List<String> checks = ctx.queryParams().getAll("check");
    if (checks.size() > MAX_PARTS) {
      ErrorResponse.send(ctx, 400, "check: expected at most " + MAX_PARTS + " names, got " + checks.size());
      return;
    }
    String mount = ctx.mountPoint() == null ? "" : ctx.mountPoint().replaceAll("/+$", "");
    Predicate<HealthStatus> shown = outputShown(ctx);
    if (rest.equals("fleet")) {
      java.util.function.Supplier<JsonObject> source = fleet;
      JsonObject view = source == null ? null : source.get();
      if (view == null) {
        ErrorResponse.send(ctx, 404, "No fleet view");
        return;
      }
      Dashboard.Page at = new Dashboard.Page(mount + prefix, window, 0, Map.of(), List.of(), // the panel shows no times of its own
        shown);
      StringBuilder html = new StringBuilder(8192);
      long version = FleetPanel.render(html, at, view, registry.latest(options -> true));
      if (Long.toHexString(version).equals(ctx.queryParams().get("v"))) {
        ctx.response().setStatusCode(204).putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Responses.end(ctx, Buffer.buffer());
        return;
      }
      html(ctx, html.toString());
      return;
    }
    long events = streams.lastId(); // before the report: a change after it is replayed to the page, not lost
    registry.report().onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      HealthReport report = ar.result();
      Map<String, CheckHistory> histories = registry.history();
      MaintenanceState state = maintenance == null ? null : maintenance.state();
      Dashboard.Page at = new Dashboard.Page(mount + prefix, window, report.timestamp(), histories,
        stretches.within(report.timestamp() - window.millis, report.timestamp(), state), shown);
      java.util.function.Supplier<JsonObject> alerting = alerts;
      JsonObject alertState = alerting == null ? null : alerting.get();
      if (page) {
        java.util.function.Supplier<JsonObject> source = fleet;
        html(ctx, Dashboard.render(at, report, state, alertState, source == null ? null : source.get(), events));
      } else {
        html(ctx, Dashboard.parts(at, report, state, alertState, new java.util.HashSet<>(checks)));
      }
    });
  }

  private static void html(RoutingContext ctx, String html) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .putHeader("Content-Security-Policy", CSP)
      .putHeader("X-Content-Type-Options", "nosniff");
    Responses.end(ctx, html);
  }

  /**
   * {@code <path>/badges/<check>.svg}: the check's status and 24 h availability as an SVG badge; 404 for a name no
   * check has, or for every name when the detail rules show no check.
   */
  private void badge(RoutingContext ctx) {
    if (rejected(ctx)) {
      return;
    }
    String rest = ctx.pathParam("*");
    rest = rest == null ? "" : rest;
    if (!rest.endsWith(".svg")) {
      ErrorResponse.send(ctx, 404, "Not found: " + cut(rest) + " (badges are <check>.svg)");
      return;
    }
    String name = CheckRegistry.normalizeName(rest.substring(0, rest.length() - ".svg".length()));
    boolean known = outputShown(ctx) != null && registry.checks().stream().anyMatch(o -> o.getName().equals(name));
    if (!known) {
      ErrorResponse.send(ctx, 404, "Check not found: " + cut(name));
      return;
    }
    CheckReport latest = registry.latest(name);
    CheckHistory past = registry.history(name);
    HealthStatus status = latest != null ? latest.status() : past == null ? null : past.status();
    Double day = past == null ? null : past.availability().get("24h");
    String word = status == null ? "unknown" : status.wireName();
    String value = status == null ? "no data" : day == null ? word : word + " · " + Dashboard.percent(day);
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/svg+xml; charset=utf-8")
      .putHeader(HttpHeaders.CACHE_CONTROL, "max-age=" + BADGE_MAX_AGE_S)
      .putHeader("Content-Security-Policy", "default-src 'none'")
      .putHeader("X-Content-Type-Options", "nosniff");
    Responses.end(ctx, Badge.svg(name, word, value));
  }

  private static void asset(RoutingContext ctx, String type, Buffer body) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type)
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .putHeader("Content-Security-Policy", CSP)
      .putHeader("X-Content-Type-Options", "nosniff");
    Responses.end(ctx, body);
  }
}
