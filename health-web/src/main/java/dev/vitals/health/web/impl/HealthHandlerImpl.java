package dev.vitals.health.web.impl;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.web.Detail;
import dev.vitals.health.web.FailureDetails;
import dev.vitals.health.web.FormatContext;
import dev.vitals.health.web.HealthFormat;
import dev.vitals.health.web.HealthHandler;
import dev.vitals.health.web.HealthHandlerOptions;
import dev.vitals.health.web.ProbeOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

public final class HealthHandlerImpl implements HealthHandler {

  private final CheckRegistry registry;
  private final Map<String, ProbeOptions> probes;
  private final String hostname;
  private final ApplicationOptions application;
  private final List<HealthFormat> formats = new CopyOnWriteArrayList<>(
    List.of(HealthFormat.vitals(), HealthFormat.vertx(), HealthFormat.healthJson()));
  private final Map<String, HealthReport> latched = new ConcurrentHashMap<>();
  private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
  private volatile MaintenanceSource maintenance;
  private volatile Predicate<RoutingContext> authenticated = ctx -> ctx.user() != null;
  private volatile boolean draining;

  public HealthHandlerImpl(CheckRegistry registry, HealthHandlerOptions given) {
    this.registry = Objects.requireNonNull(registry, "registry");
    HealthHandlerOptions options = new HealthHandlerOptions(Objects.requireNonNull(given, "options"));
    this.probes = Map.copyOf(options.getProbes());
    // Resolved once: looking up the host name and reading the jar manifest can block.
    this.hostname = options.getHostname() != null ? options.getHostname() : localHostName();
    this.application = options.getApplication().resolved();
  }

  /** This machine's name, else the {@code HOSTNAME} environment variable, else {@code localhost}. */
  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "localhost" : env;
    }
  }

  @Override
  public HealthHandler maintenance(MaintenanceSource source) {
    this.maintenance = Objects.requireNonNull(source, "source");
    return this;
  }

  @Override
  public synchronized HealthHandler addFormat(HealthFormat format) {
    Objects.requireNonNull(format, "format");
    for (HealthFormat existing : formats) {
      if (existing.name().equals(format.name()) || existing.mediaType().equalsIgnoreCase(format.mediaType())) {
        throw new IllegalArgumentException("format: '" + format.name() + "' (" + format.mediaType()
          + ") clashes with '" + existing.name() + "' (" + existing.mediaType() + ")");
      }
    }
    formats.add(format);
    return this;
  }

  @Override
  public HealthHandler authenticatedBy(Predicate<RoutingContext> authenticated) {
    this.authenticated = Objects.requireNonNull(authenticated, "authenticated");
    return this;
  }

  @Override
  public void startDrain() {
    draining = true;
  }

  @Override
  public boolean isDraining() {
    return draining;
  }

  @Override
  public Future<Void> drainAndClose(Vertx vertx, HttpServer server, long drainDelayMs, long graceTimeoutMs) {
    if (drainDelayMs < 0 || graceTimeoutMs < 0) {
      throw new IllegalArgumentException("drain delay and grace timeout must not be negative");
    }
    startDrain();
    Promise<Void> delayed = Promise.promise();
    if (drainDelayMs == 0) {
      delayed.complete();
    } else {
      vertx.setTimer(drainDelayMs, id -> delayed.complete());
    }
    return delayed.future().compose(v -> server.shutdown(graceTimeoutMs, TimeUnit.MILLISECONDS));
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ErrorResponse.rejectMethod(ctx, "GET, HEAD", HttpMethod.GET, HttpMethod.HEAD)) {
      return;
    }
    HealthFormat format = format(ctx);
    if (format == null) {
      return;
    }
    String sub = subPath(ctx);
    String probeName = sub.isEmpty() ? HealthHandlerOptions.HEALTH : sub;
    ProbeOptions probe = probes.get(probeName);
    String checkName = "";
    Future<HealthReport> report;
    if (probe != null) {
      report = probeReport(probeName, probe);
    } else {
      probe = probes.get(HealthHandlerOptions.HEALTH);
      checkName = sub;
      report = registry.report(sub);
    }
    ProbeOptions chosen = probe;
    String name = checkName;
    String key = format.name() + '|' + (probe == probes.get(HealthHandlerOptions.HEALTH) ? "" : probeName) + '|' + name;
    report.onComplete(ar -> {
      if (ar.succeeded()) {
        respond(ctx, format, chosen, key, name, ar.result());
      } else if (ar.cause() instanceof NoSuchElementException) {
        ErrorResponse.send(ctx, 404, ar.cause().getMessage());
      } else {
        ctx.fail(ar.cause());
      }
    });
  }

  /** The format asked for, or null after answering 400 or 406. */
  private HealthFormat format(RoutingContext ctx) {
    String asked = ctx.request().query() == null ? null : ctx.request().getParam("format");
    if (asked != null) {
      for (HealthFormat format : formats) {
        if (format.name().equals(asked)) {
          return format;
        }
      }
      ErrorResponse.send(ctx, 400, "Unknown format '" + asked + "', expected one of "
        + formats.stream().map(HealthFormat::name).collect(Collectors.joining(", ")));
      return null;
    }
    String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    if (accept == null || accept.equals("*/*")) {
      return formats.get(0); // the common case: no parsing
    }
    HealthFormat chosen = Negotiation.choose(ctx.parsedHeaders().accept(), formats);
    if (chosen == null) {
      ErrorResponse.send(ctx, 406, "Not acceptable: " + ctx.request().getHeader(HttpHeaders.ACCEPT)
        + "; available: " + formats.stream().map(HealthFormat::mediaType).collect(Collectors.joining(", ")));
    }
    return chosen;
  }

  private Future<HealthReport> probeReport(String name, ProbeOptions probe) {
    if (probe.isLatch()) {
      HealthReport passed = latched.get(name);
      if (passed != null) {
        return Future.succeededFuture(passed);
      }
    }
    Future<HealthReport> report = probe.selectsAll() ? registry.report() : registry.report(probe::selects);
    if (!probe.isReadiness() && !probe.isLatch()) {
      return report;
    }
    return report.map(r -> {
      HealthReport result = probe.isReadiness() ? withReadinessState(r) : r;
      if (probe.isLatch() && result.status() != HealthStatus.FAIL) {
        latched.putIfAbsent(name, result);
      }
      return result;
    });
  }

  private HealthReport withReadinessState(HealthReport report) {
    MaintenanceSource source = maintenance;
    MaintenanceState state = source == null ? null : source.state();
    boolean inMaintenance = state != null && state.inMaintenance();
    if (!inMaintenance && !draining) {
      return report;
    }
    List<CheckReport> checks = new ArrayList<>(report.checks());
    if (inMaintenance) {
      String reason = state.reason() == null ? "" : ": " + state.reason();
      checks.add(CheckReport.synthetic("maintenance", ProcedureResult.fail("in maintenance" + reason),
        report.timestamp()));
    }
    if (draining) {
      checks.add(CheckReport.synthetic("shutdown", ProcedureResult.fail("shutting down"), report.timestamp()));
    }
    return new HealthReport(checks, report.timestamp());
  }

  /** What follows the mount point: the wildcard's match, without its leading slashes. */
  private static String subPath(RoutingContext ctx) {
    String rest = ctx.pathParam("*");
    if (rest == null) {
      return "";
    }
    int start = 0;
    while (start < rest.length() && rest.charAt(start) == '/') {
      start++;
    }
    return rest.substring(start);
  }

  /**
   * The last body sent for one format and path, and what it was made of. Under load many requests in the same
   * millisecond see the very same cached results: they get the very same bytes without rendering again.
   */
  private record Rendered(int code, boolean redacted, long timestamp, List<CheckReport> checks, Buffer body) {

    boolean madeOf(int code, boolean redacted, HealthReport report) {
      if (this.code != code || this.redacted != redacted || timestamp != report.timestamp()
        || checks.size() != report.checks().size()) {
        return false;
      }
      for (int i = 0; i < checks.size(); i++) {
        if (checks.get(i) != report.checks().get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  private void respond(RoutingContext ctx, HealthFormat format, ProbeOptions probe, String key, String name,
                       HealthReport report) {
    int code = probe.getStatusCode(report.status());
    boolean redactFailures = probe.getDetail() == Detail.FULL
      && probe.getFailureDetails() == FailureDetails.AUTHENTICATED
      && report.checks().stream().anyMatch(c -> !c.passed()) && !authenticated.test(ctx);
    Rendered last = rendered.get(key);
    Buffer body;
    if (last != null && last.madeOf(code, redactFailures, report)) {
      body = last.body();
    } else {
      boolean success = code >= 200 && code < 300;
      HealthReport shown = trim(report, probe, redactFailures);
      body = format.render(shown, new FormatContext(hostname, application, success, probe.getDetail(), name));
      rendered.put(key, new Rendered(code, redactFailures, report.timestamp(), report.checks(), body));
    }
    if (code != 200) {
      ctx.response().setStatusCode(code);
    }
    ctx.response()
      .putHeader(HttpHeaders.CONTENT_TYPE, format.mediaType())
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Responses.end(ctx, body);
  }

  /** Applies the path's detail level and hides failure details from callers who may not see them. */
  private static HealthReport trim(HealthReport report, ProbeOptions probe, boolean redactFailures) {
    if (probe.getDetail() == Detail.STATUS) {
      return report.withoutChecks();
    }
    boolean redactAll = probe.getDetail() == Detail.NAMES;
    if (!redactAll && !redactFailures) {
      return report;
    }
    List<CheckReport> checks = new ArrayList<>(report.checks().size());
    for (CheckReport check : report.checks()) {
      checks.add(redactAll || !check.passed() ? check.redacted() : check);
    }
    return report.withChecks(checks);
  }
}
