package dev.vitals.health.web.history.impl;

import dev.vitals.health.CheckHistory;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthStatus;
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
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

public final class HistoryRoutesImpl implements HistoryRoutes {

  private static final String CSP = "default-src 'self'";

  private final CheckRegistry registry;
  private final MaintenanceSource maintenance;
  private volatile java.util.function.Supplier<io.vertx.core.json.JsonObject> alerts;
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
      JsonObject checks = new JsonObject();
      if (shown != null) {
        registry.history().forEach((check, past) -> checks.put(check, past.toJson(shown)));
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
    String header = ctx.request().getHeader("Last-Event-ID");
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
    } else if (rest.equals("dashboard.js")) {
      asset(ctx, "text/javascript; charset=utf-8", js);
    } else if (rest.isEmpty() || rest.equals("/")) {
      String mount = ctx.mountPoint() == null ? "" : ctx.mountPoint().replaceAll("/+$", "");
      Predicate<HealthStatus> shown = outputShown(ctx);
      registry.report().onComplete(ar -> {
        if (ar.failed()) {
          ctx.fail(ar.cause());
          return;
        }
        Map<String, CheckHistory> histories = registry.history();
        java.util.function.Supplier<io.vertx.core.json.JsonObject> source = alerts;
        String html = Dashboard.render(mount + prefix, ar.result(), histories,
          maintenance == null ? null : maintenance.state(), shown, source == null ? null : source.get());
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .putHeader("Content-Security-Policy", CSP)
          .putHeader("X-Content-Type-Options", "nosniff");
        Responses.end(ctx, html);
      });
    } else {
      ErrorResponse.send(ctx, 404, "Not found: " + cut(rest));
    }
  }

  private static void asset(RoutingContext ctx, String type, Buffer body) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type)
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .putHeader("Content-Security-Policy", CSP)
      .putHeader("X-Content-Type-Options", "nosniff");
    Responses.end(ctx, body);
  }
}
