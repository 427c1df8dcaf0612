package dev.vitals.health.web.probes.impl;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.internal.Listeners;
import dev.vitals.health.web.internal.ErrorResponse;
import dev.vitals.health.web.internal.HealthPath;
import dev.vitals.health.web.internal.Negotiation;
import dev.vitals.health.web.internal.RequestParts;
import dev.vitals.health.web.internal.Responses;
import dev.vitals.health.web.probes.Detail;
import dev.vitals.health.web.probes.FailureDetails;
import dev.vitals.health.web.probes.FormatContext;
import dev.vitals.health.web.probes.HealthFormat;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import dev.vitals.health.web.probes.ProbeOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
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
  private final RenderCache rendered = new RenderCache();
  /** Bodies kept beyond this many make the cache drop those of unregistered names (and recount). */
  private volatile int limit;
  private volatile MaintenanceSource maintenance;
  private volatile Predicate<RoutingContext> authenticated = ctx -> ctx.user() != null;
  private volatile boolean draining;
  private volatile long drainStarted;
  private final Listeners<Void> changeListeners = new Listeners<>(HealthHandler.class, "health changes");
  private boolean listening;

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
    source.addListener(state -> {
      if (maintenance == source) {
        changed();
      }
    });
    return this;
  }

  @Override
  public HealthHandler addChangeListener(Handler<Void> listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (this) {
      if (!listening) { // one registry listener, whatever the number of listeners here
        listening = true;
        registry.addListener(change -> changed());
      }
    }
    changeListeners.add(listener);
    return this;
  }

  private void changed() {
    changeListeners.tell(null);
  }

  @Override
  public Future<HealthReport> report(String name) {
    String selection = CheckRegistry.normalizeName(Objects.requireNonNull(name, "name"));
    String probeName = selection.isEmpty() ? HealthHandlerOptions.HEALTH : selection;
    ProbeOptions probe = probes.get(probeName);
    if (probe == null) {
      return registry.report(selection);
    }
    Future<HealthReport> report = probeReport(probeName, probe);
    return probe.isReadiness() ? report.map(r -> withReadinessState(r, maintenanceShown(), draining)) : report;
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
  public Set<String> probes() {
    return probes.keySet();
  }

  @Override
  public HealthStatus probeStatus(String name) {
    ProbeOptions probe = probes.get(Objects.requireNonNull(name, "probe"));
    if (probe == null) {
      return null;
    }
    HealthReport passed = probe.isLatch() ? latched.get(name) : null;
    if (passed != null) {
      return passed.status();
    }
    List<CheckReport> latest = registry.latest(probe::selects);
    HealthReport report = new HealthReport(latest, 0);
    return probe.isReadiness() ? withReadinessState(report, maintenanceShown(), draining).status() : report.status();
  }

  @Override
  public void startDrain() {
    if (!draining) {
      drainStarted = System.currentTimeMillis();
      draining = true;
      changed();
    }
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
    HealthFormat format;
    try {
      format = format(ctx);
    } catch (IllegalArgumentException e) {
      ErrorResponse.send(ctx, 400, e.getMessage());
      return;
    }
    if (format == null) {
      return;
    }
    String selection = HealthPath.selection(ctx);
    String probeName = selection.isEmpty() ? HealthHandlerOptions.HEALTH : selection;
    ProbeOptions probe = probes.get(probeName);
    String checkName = "";
    if (probe == null) {
      probeName = HealthHandlerOptions.HEALTH;
      probe = probes.get(probeName);
      checkName = selection;
    }
    boolean restricted = probe.getDetail() == Detail.FULL
      && probe.getFailureDetails() == FailureDetails.AUTHENTICATED
      && !authenticated.test(ctx);
    RenderCache.Key key = new RenderCache.Key(format, probeName, checkName, restricted);
    RenderCache.Rendered kept = rendered.get(key);
    if (kept != null && current(kept, probeName, probe)) {
      send(ctx, format, kept);
      return;
    }
    // A check by its own name comes with its own status (HealthReport.ofOneCheck), a group with its overall one:
    // code and body follow report.status() either way, as gRPC's answer does.
    Future<HealthReport> report = checkName.isEmpty() ? probeReport(probeName, probe) : registry.report(checkName);
    ProbeOptions chosen = probe;
    report.onComplete(ar -> {
      if (ar.succeeded()) {
        send(ctx, format, render(key, chosen, ar.result()));
      } else if (ar.cause() instanceof NoSuchElementException) {
        rendered.remove(key); // unregistered since it was kept
        ErrorResponse.send(ctx, 404, ar.cause().getMessage());
      } else if (ar.cause() instanceof IllegalArgumentException) { // a path below a check
        ErrorResponse.send(ctx, 400, ar.cause().getMessage());
      } else {
        ctx.fail(ar.cause());
      }
    });
  }

  /** @return how many rendered bodies are kept (at most formats × (probes + registered names) × 2) */
  public int renderedCount() {
    return rendered.size();
  }

  /** Whether a kept body still shows what a new report would: a latched pass, or results the registry vouches for. */
  private boolean current(RenderCache.Rendered kept, String probeName, ProbeOptions probe) {
    if (probe.isLatch() && kept.source() == latched.get(probeName)) {
      return true;
    }
    if (!registry.isCurrent(kept.source())) {
      return false;
    }
    return !probe.isReadiness() || kept.sameReadiness(maintenanceShown(), draining);
  }

  /**
   * The format asked for, or null after answering 400 or 406. In {@code ?format=health+json} as docs/http-api.md
   * spells it the {@code +} arrives as a space: a space stands for a {@code +}.
   *
   * @throws IllegalArgumentException when the query string is malformed
   */
  private HealthFormat format(RoutingContext ctx) {
    String asked = RequestParts.query(ctx, "format");
    if (asked != null) {
      for (HealthFormat format : formats) {
        if (format.name().equals(asked) || format.name().equals(asked.replace(' ', '+'))) {
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
    HealthFormat chosen = Negotiation.choose(ctx.parsedHeaders().accept(), formats, HealthFormat::mediaType);
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
    if (!probe.isLatch()) {
      return report;
    }
    return report.map(r -> {
      HealthReport shown = probe.isReadiness() ? withReadinessState(r, maintenanceShown(), draining) : r;
      if (shown.status() != HealthStatus.FAIL) {
        latched.putIfAbsent(name, r);
        return latched.get(name);
      }
      return r;
    });
  }

  /** @return the maintenance state a readiness probe shows now, or {@code null} when not in maintenance */
  private MaintenanceState maintenanceShown() {
    MaintenanceSource source = maintenance;
    MaintenanceState state = source == null ? null : source.state();
    return state != null && state.inMaintenance() ? state : null;
  }

  /**
   * The report with a failing {@code maintenance} result (timestamp: when maintenance began) and a failing
   * {@code shutdown} result (timestamp: when draining began) when they apply.
   */
  private HealthReport withReadinessState(HealthReport report, MaintenanceState maintenance, boolean drain) {
    if (maintenance == null && !drain) {
      return report;
    }
    List<CheckReport> checks = new ArrayList<>(report.checks());
    if (maintenance != null) {
      String reason = maintenance.reason() == null ? "" : ": " + maintenance.reason();
      checks.add(CheckReport.synthetic("maintenance", ProcedureResult.fail("in maintenance" + reason),
        maintenance.since().toEpochMilli()));
    }
    if (drain) {
      checks.add(CheckReport.synthetic("shutdown", ProcedureResult.fail("shutting down"), drainStarted));
    }
    return new HealthReport(checks, report.timestamp());
  }

  /**
   * The body for a report: the kept one when it shows the very same results (the registry's version moved for
   * another check), else rendered now and kept.
   */
  private RenderCache.Rendered render(RenderCache.Key key, ProbeOptions probe, HealthReport report) {
    MaintenanceState maintenance = probe.isReadiness() ? maintenanceShown() : null;
    boolean drain = probe.isReadiness() && draining;
    RenderCache.Rendered kept = rendered.get(key);
    RenderCache.Rendered fresh;
    if (kept != null && kept.shows(report, maintenance, drain)) {
      fresh = kept.from(report);
    } else {
      HealthReport withState = probe.isReadiness() ? withReadinessState(report, maintenance, drain) : report;
      int code = probe.getStatusCode(withState.status());
      boolean success = code >= 200 && code < 300;
      HealthReport shown = trim(withState, probe, key.restricted());
      Buffer body = key.format().render(shown,
        new FormatContext(hostname, application, success, probe.getDetail(), key.check()));
      fresh = new RenderCache.Rendered(report, maintenance, drain, code, body);
    }
    rendered.put(key, fresh);
    if (rendered.size() > limit) {
      Set<String> names = registeredNames();
      rendered.retainOnly(names);
      limit = 2 * formats.size() * (probes.size() + names.size());
    }
    return fresh;
  }

  /** Every registered check name and every group name above one. */
  private Set<String> registeredNames() {
    Set<String> names = new HashSet<>();
    for (CheckOptions check : registry.checks()) {
      String name = check.getName();
      for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
        names.add(name.substring(0, slash));
      }
      names.add(name);
    }
    return names;
  }

  private static void send(RoutingContext ctx, HealthFormat format, RenderCache.Rendered rendered) {
    if (rendered.code() != 200) {
      ctx.response().setStatusCode(rendered.code());
    }
    ctx.response()
      .putHeader(HttpHeaders.CONTENT_TYPE, format.mediaType())
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Responses.end(ctx, rendered.body());
  }

  /** Applies the path's detail level and hides failure details from callers who may not see them. */
  private static HealthReport trim(HealthReport report, ProbeOptions probe, boolean restricted) {
    if (probe.getDetail() == Detail.STATUS) {
      return report.withoutChecks();
    }
    boolean redactAll = probe.getDetail() == Detail.NAMES;
    if (!redactAll && !restricted) {
      return report;
    }
    List<CheckReport> checks = new ArrayList<>(report.checks().size());
    for (CheckReport check : report.checks()) {
      checks.add(redactAll || !check.passed() ? check.redacted() : check);
    }
    return report.withChecks(checks);
  }
}
