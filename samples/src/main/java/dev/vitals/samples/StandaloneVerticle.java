package dev.vitals.samples;

import dev.vitals.environment.EnvironmentDump;
import dev.vitals.environment.EnvironmentOptions;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.alerts.AlertFleet;
import dev.vitals.health.alerts.AlertsHandler;
import dev.vitals.health.alerts.MaintenanceWindowOptions;
import dev.vitals.health.alerts.WindowedMaintenance;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HistoryOptions;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.StatusChange;
import dev.vitals.health.StatusEvents;
import dev.vitals.health.checks.DependencyLoop;
import dev.vitals.health.internal.BurstLog;
import dev.vitals.health.web.VitalsRoutes;
import dev.vitals.health.web.environment.EnvironmentHandler;
import dev.vitals.health.web.guard.AdminTokenHandler;
import dev.vitals.health.web.guard.RequestGuardHandler;
import dev.vitals.health.web.heartbeat.HeartbeatHandler;
import dev.vitals.health.web.history.HistoryRoutes;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.FailureDetails;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import dev.vitals.health.web.status.MaintenanceHandler;
import dev.vitals.health.web.status.StatusHandler;
import dev.vitals.health.web.webhook.WebhookNotifier;
import dev.vitals.health.web.webhook.WebhookOptions;
import dev.vitals.samples.impl.CheckDefinition;
import dev.vitals.samples.impl.ConfigFiles;
import dev.vitals.samples.impl.ConfigOverrides;
import dev.vitals.samples.impl.FleetSection;
import dev.vitals.samples.impl.GrpcEndpoint;
import dev.vitals.samples.impl.PeerLimits;
import dev.vitals.samples.impl.RunningChecks;
import dev.vitals.samples.impl.StandaloneAlertFleet;
import dev.vitals.samples.impl.StandaloneAlerts;
import dev.vitals.samples.impl.StandaloneConfig;
import dev.vitals.samples.impl.StandaloneFleet;
import dev.vitals.samples.impl.StandaloneMetrics;
import dev.vitals.samples.impl.TlsReloader;
import dev.vitals.status.consul.ConsulMaintenance;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The standalone health server: the main verticle of {@code vitals-samples.jar}, a composition of the Vitals
 * modules driven by a JSON config (docs/configuration.md gives every key and default; the JSON Schema
 * {@code vitals-config.schema.json} at the jar's root is what the config is checked against).
 *
 * <p>{@link #start()} reads the config with vertx-config (the file given to
 * {@link #StandaloneVerticle(Map, Map, Path)}, read again every {@code reload.scanPeriod} so that checks change
 * without a restart, or the deployment's config), with {@code VITALS_*} environment variables and {@code vitals.*}
 * system properties over it; registers the checks (their clients on a {@code DependencyLoop}, apart from the event
 * loops serving liveness); mounts the routes through {@code VitalsRoutes} (the safe order) plus the history, fleet
 * and metrics routes; and listens. Any config error fails {@link #start()} before anything is created, with an
 * {@link IllegalArgumentException} whose message starts with the value's JSON Pointer ({@code /checks/1/timeout:
 * expected integer milliseconds, ...}); the jar prints that line and exits 15.
 *
 * <p>{@link #stop()} drains: readiness fails at once, the server keeps serving for {@code shutdown.drainDelay},
 * then stops accepting and lets in-flight requests finish for up to {@code shutdown.graceTimeout}; then everything
 * it created is closed, so that it can be deployed again at once on the same port. The connection-level guards
 * ({@code http.maxConnections}, {@code maxResets} per address, {@code requestHeadTimeout}) are in the transport the
 * launcher ({@link Main}) builds Vert.x with, not here.
 */
public class StandaloneVerticle extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(StandaloneVerticle.class.getName());

  private final Map<String, String> environment;
  private final Map<String, String> systemProperties;
  private final Path configFile;
  /** The configured checks registered now, by name: their entry in the config and what they hold. */
  private RunningChecks running;
  /** Top-level keys whose change was logged as needing a restart, so that it is logged once. */
  private final Set<String> restartLogged = new HashSet<>();
  private CheckRegistry registry;
  /** Where the registry keeps availability across restarts (closed after the registry). */
  private HistoryStore historyStore;
  /** Where dependency checks do their I/O: an event loop apart from the ones serving liveness. */
  private DependencyLoop dependencies;
  private MaintenanceSource maintenance;
  private PassiveChecks passive;
  private final List<WebhookNotifier> notifiers = new ArrayList<>();
  private HealthHandler health;
  private HistoryRoutes historyRoutes;
  private VitalsRoutes routes;
  private StandaloneConfig config;
  private ConfigRetriever retriever;
  private TlsReloader tls;
  private GrpcEndpoint grpc;
  private StandaloneMetrics metrics;
  private StandaloneFleet fleet;
  private StandaloneAlerts alerts;
  private StandaloneAlertFleet alertFleet;
  private volatile HttpServer server;

  /** A configured check as registered: its config entry, to notice changes, and what releases it. */
  /** A verticle configured by its config, the process environment and the system properties. */
  public StandaloneVerticle() {
    this(System.getenv(), ConfigOverrides.systemProperties(), null);
  }

  /**
   * A verticle configured by its config and the given environment instead of the process's, for embedding
   * and tests.
   *
   * @param environment the {@code VITALS_*} variables that set config keys, and the {@code CONSUL_HTTP_*} ones
   */
  public StandaloneVerticle(Map<String, String> environment) {
    this(environment, Map.of(), null);
  }

  /**
   * A verticle reading its config from a file, watched for changes, with environment variables and system
   * properties over it.
   *
   * @param environment      the {@code VITALS_*} variables that set config keys, and the {@code CONSUL_HTTP_*} ones
   * @param systemProperties the {@code vitals.*} properties that set config keys, over the environment
   * @param configFile       the JSON config file, read again every {@code reload.scanPeriod}; {@code null} for
   *                         the deployment's config, read once
   */
  public StandaloneVerticle(Map<String, String> environment, Map<String, String> systemProperties, Path configFile) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.systemProperties = Map.copyOf(Objects.requireNonNull(systemProperties, "systemProperties"));
    this.configFile = configFile;
  }

  /**
   * Reads and validates the config, registers the checks and listens.
   *
   * @return a future completed once the server listens; failed with an {@link IllegalArgumentException}
   * {@code "<JSON Pointer>: <message>"} when the config is invalid (nothing is created then), or, after releasing
   * what was created, with an {@link IllegalStateException} {@code "cannot listen on <host>:<port>: <reason>"}
   * when the server cannot listen (port in use)
   */
  @Override
  public Future<?> start() {
    JsonObject overrides;
    try {
      overrides = ConfigOverrides.of(environment, systemProperties);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    ConfigRetriever first = ConfigRetriever.create(vertx, retrieverOptions(overrides, 0));
    return first.getConfig().eventually(first::close)
      .map(json -> StandaloneConfig.parse(ConfigFiles.unwrap(json, configFile), environment))
      .compose(parsed -> {
        config = parsed;
        return listen();
      })
      .onSuccess(listening -> watch(overrides));
  }

  /** The config's sources, lowest first: the file (or the deployment's config), then the overrides. */
  private ConfigRetrieverOptions retrieverOptions(JsonObject overrides, long scanPeriod) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false)
      .setScanPeriod(scanPeriod)
      .addStore(configFile == null
        ? new ConfigStoreOptions().setType("json").setConfig(config())
        : ConfigFiles.store(configFile));
    if (!overrides.isEmpty()) {
      options.addStore(new ConfigStoreOptions().setType("json").setConfig(overrides));
    }
    return options;
  }

  /** Reads the config file again every {@code reload.scanPeriod} and applies what changed. */
  private void watch(JsonObject overrides) {
    if (configFile == null || config.scanPeriod() == 0) {
      return;
    }
    JsonObject started = config.json();
    retriever = ConfigRetriever.create(vertx, retrieverOptions(overrides, config.scanPeriod()));
    retriever.getConfig().onSuccess(current -> {
      if (!current.equals(started)) {
        apply(current);
      }
      retriever.listen(change -> apply(change.getNewConfiguration()));
    });
  }

  /**
   * Applies a changed config: checks are added, removed and replaced; other changes are logged once as needing a
   * restart. A config that is not valid is logged in one line and ignored.
   */
  private void apply(JsonObject json) {
    StandaloneConfig next;
    try {
      next = StandaloneConfig.parse(ConfigFiles.unwrap(json, configFile), environment);
    } catch (IllegalArgumentException e) {
      LOG.warning(() -> "Config change ignored, the running config stays: " + e.getMessage());
      return;
    }
    RunningChecks.Changes changes = running.update(next);
    if (changes.any()) {
      LOG.info(() -> "Config change applied: checks removed " + changes.removed() + ", added " + changes.added());
    }
    for (String key : union(config.json().fieldNames(), next.json().fieldNames())) {
      if (!key.equals("checks") && !key.equals("$schema")
        && !Objects.equals(config.json().getValue(key), next.json().getValue(key)) && restartLogged.add(key)) {
        LOG.warning(() -> "Config change of '" + key + "' needs a restart; the running value stays");
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** Registers the checks, creates the handlers and listens, with the validated config. */
  private Future<HttpServer> listen() {
    IllegalArgumentException fleetProblem = config.fleet() == null ? null : StandaloneFleet.problem(vertx, config.fleet());
    if (fleetProblem != null) {
      return Future.failedFuture(fleetProblem);
    }
    return config.history().openStore(vertx, configFile).compose(store -> {
      historyStore = store;
      return listen(store);
    });
  }

  private Future<HttpServer> listen(HistoryStore store) {
    HistoryOptions history = new HistoryOptions(config.history().registryOptions());
    if (history.getInstance() == null) {
      history.setInstance(config.health().getHostname());
    }
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setHistory(history).setHistoryStore(store));
    passive = PassiveChecks.create(vertx, registry, Clock.systemUTC());
    dependencies = DependencyLoop.create();
    running = new RunningChecks(vertx, dependencies.vertx(), registry, passive);
    running.update(config);
    if (config.consul() != null) {
      ConsulMaintenance consul = ConsulMaintenance.create(vertx, config.consul().client(),
        config.consul().maintenance());
      registry.register(new CheckOptions(StandaloneConfig.CONSUL_CHECK).setCritical(false), consul.agentCheck());
      maintenance = consul;
    } else {
      maintenance = MaintenanceSource.local();
    }
    if (config.alerts() != null
      && config.alerts().getWindows().stream().anyMatch(MaintenanceWindowOptions::isStatusMaintenance)) {
      // Windows with statusMaintenance report maintenance on /status and readiness while open.
      maintenance = WindowedMaintenance.wrap(vertx, maintenance,
        () -> alerts == null || alerts.alerting() == null ? Optional.empty() : alerts.alerting().statusMaintenance(),
        Clock.systemUTC(), config.alerts().getEvaluateEvery());
    }
    registry.maintenance(maintenance); // time in maintenance spends no error budget
    StatusEvents.publish(vertx, registry, maintenance);
    // One line per change of a check, never one per run: a dependency down for hours logs twice; a check
    // flapping faster than once a second logs once a second (per check, so bounded by what is registered).
    Map<String, BurstLog> changeLogs = new java.util.concurrent.ConcurrentHashMap<>();
    registry.addListener(change -> changeLogs.computeIfAbsent(change.kind() + change.name(),
        key -> new BurstLog(StandaloneVerticle.class, 1_000))
      .log(change.isFailure() ? Level.WARNING : Level.INFO,
        () -> (change.kind() == StatusChange.Kind.OVERALL ? "Overall outcome" : "Check " + change.name()) + ": "
          + (change.from() == null ? "" : change.from() + " → ") + change.to()
          + (change.output().isEmpty() ? "" : ": " + change.output())));
    for (WebhookOptions webhook : config.webhooks()) {
      // On the dependency loop, as the alert channels: a receiver gone hostile stays away from the probes' loops.
      WebhookNotifier notifier = WebhookNotifier.create(dependencies.vertx(), webhook);
      StatusEvents.listen(registry, maintenance, notifier::notify);
      notifiers.add(notifier);
    }
    Future<Void> alerting = Future.succeededFuture();
    if (config.alerts() != null) {
      alerts = StandaloneAlerts.create(vertx, dependencies.vertx(), config.alerts(), configFile);
      if (config.fleet() != null && config.fleet().source() == FleetSection.Source.CLUSTER) {
        // Once per fleet: the instances' failures from the fleet view, the leader through the cluster manager.
        alertFleet = new StandaloneAlertFleet(() -> fleet == null ? null : fleet.source(),
          config.application().resolved().getName());
      }
      alerting = alerts.start(registry, config.application().getServiceId(), config.health().getHostname(),
        config.application().getName(), alertFleet == null ? AlertFleet.alone() : alertFleet);
    }
    AdminTokenHandler admin = config.adminToken() == null ? null : AdminTokenHandler.create(config.adminToken());
    health = HealthHandler.create(registry, config.health()).maintenance(maintenance);
    if (admin != null) {
      health.authenticatedBy(admin::verify);
    }
    MaintenanceHandler maintenanceHandler = MaintenanceHandler.create(maintenance, config.application());
    routes = VitalsRoutes.create(health).requestTimeout(config.requestTimeout()).maxInFlight(config.maxInFlight())
      .adminToken(admin)
      .heartbeats(config.heartbeatPath(), HeartbeatHandler.create(passive, config.adminToken()))
      .routes(router -> historyRoutes = config.history().mount(vertx, router, registry, maintenance,
        config.health().getProbe(HealthHandlerOptions.HEALTH), admin == null ? null : admin::verify))
      .routes(router -> fleet = config.fleet() == null ? null
        : StandaloneFleet.mount(vertx, config.fleet(), router, registry))
      .routes(router -> metrics = StandaloneMetrics.mount(vertx, router, config.metrics(), registry, maintenance,
        passive, notifiers, health, fleet, alerts))
      .status(StatusHandler.create(maintenance, config.application()))
      .maintenance(maintenanceHandler);
    if (alerts != null) {
      // Alerts show checks' outputs: open as /health shows them (failureDetails), else behind the token too.
      routes.api(AlertsHandler.PATH, alerts::handle, config.health().getProbe(HealthHandlerOptions.HEALTH)
        .getFailureDetails() == FailureDetails.EVERYONE);
    }
    if (config.environmentEnabled()) {
      routes.environment(EnvironmentHandler.create(environmentDump(config)), config.loopbackOnly());
    }
    Router router = routes.mount(Router.router(vertx));
    if (alerts != null && historyRoutes != null) {
      StandaloneAlerts shown = alerts;
      historyRoutes.alerts(() -> shown.alerting() == null ? null : shown.alerting().toJson());
    }
    if (fleet != null && historyRoutes != null) {
      historyRoutes.fleet(fleet::viewJson); // the dashboard's fleet view: what /health/fleet serves
    }

    HttpServerOptions options = new HttpServerOptions()
      .setIdleTimeout((int) Math.min(config.idleTimeout(), Integer.MAX_VALUE))
      .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    PeerLimits peers = new PeerLimits(config.maxResets(), config.resetWindow());
    peers.configure(options, config.maxConcurrentStreams());
    Future<Void> ssl = Future.succeededFuture();
    if (config.tls() != null) {
      tls = new TlsReloader(vertx, config.tls());
      ssl = tls.configure(options);
    }
    grpc = GrpcEndpoint.of(config.json());
    grpc.configure(options, config.tls() != null);
    // A fresh JVM's clients load their classes before the first answer, not within a check's first timeout.
    Future<?> warm = running.warmedUp();
    return Future.all(warm, ssl, alerting).compose(ready -> vertx.createHttpServer(options)
        .invalidRequestHandler(RequestGuardHandler.invalidRequestHandler())
        .connectionHandler(peers::connected)
        .requestHandler(grpc.requestHandler(router))
        .listen(config.port(), config.host()))
      .recover(failure -> Future.failedFuture(failure instanceof IllegalArgumentException ? failure
        : new IllegalStateException(
        "cannot listen on " + config.host() + ":" + config.port() + ": " + failure.getMessage(), failure)))
      .onSuccess(listening -> {
        server = listening;
        grpc.start(vertx, health, router);
        if (tls != null) {
          tls.watch(listening, config.scanPeriod() > 0 ? config.scanPeriod() : StandaloneConfig.DEFAULT_SCAN_PERIOD);
        }
      })
      .compose(listening -> fleet == null ? Future.succeededFuture(listening)
        : fleet.start(config, health, registry, maintenance, maintenanceHandler, listening.actualPort(),
        admin == null ? null : admin::verify).map(listening))
      .onSuccess(listening -> {
        if (alertFleet != null) {
          alertFleet.lead(vertx, 3 * config.fleet().options().getPublishPeriod());
        }
      })
      .onSuccess(listening -> logStarted(listening.actualPort()))
      .recover(failure -> release().transform(released -> Future.failedFuture(failure)));
  }

  private void logStarted(int port) {
    LOG.info(() -> "Vitals standalone listening on " + (config.tls() != null ? "https" : "http") + "://"
      + config.host() + ":" + port);
    LOG.info(() -> "Routes: " + String.join("; ", routes()));
    LOG.info(() -> "Checks: " + (config.checks().isEmpty() ? "none" : config.checks().stream()
      .map(check -> check.options().getName() + " (" + check.type() + ")")
      .collect(Collectors.joining(", "))));
  }

  /** The dump of {@code /environment}, its config section masked when asked for rather than a masked copy kept. */
  private EnvironmentDump environmentDump(StandaloneConfig started) {
    EnvironmentDump dump = EnvironmentDump.create(vertx,
      new EnvironmentOptions(started.environment()).setIncludeConfig(false));
    if (started.environment().isIncludeConfig()) {
      dump.addSection("config", () -> Future.succeededFuture(started.masked()));
    }
    return dump;
  }

  /** @return every path served, with its methods, in the order the router tries them */
  private List<String> routes() {
    List<String> routes = new ArrayList<>();
    List<String> passive = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    for (CheckDefinition check : config.checks()) {
      checks.add("/health/" + check.options().getName());
      if (check.type().equals("passive")) {
        passive.add(config.heartbeatPath() + "/" + check.options().getName());
      }
    }
    if (!passive.isEmpty()) {
      routes.add("POST|GET " + String.join(", ", passive));
    }
    List<String> health = new ArrayList<>();
    config.health().getProbes().keySet().stream().sorted().forEach(probe ->
      health.add(probe.equals(HealthHandlerOptions.HEALTH) ? "/health" : "/health/" + probe));
    health.addAll(checks);
    if (config.consul() != null) {
      health.add("/health/" + StandaloneConfig.CONSUL_CHECK);
    }
    boolean clustered = config.fleet() != null && config.fleet().source() == FleetSection.Source.CLUSTER;
    if (clustered) {
      health.add("/health/" + StandaloneFleet.CLUSTER_CHECK);
    }
    routes.add("GET|HEAD " + String.join(", ", health));
    if (config.fleet() != null) {
      routes.add("GET|HEAD " + StandaloneFleet.PATH);
    }
    routes.add("GET|HEAD /health/history, /health/ui, /health/badges/<check>.svg; GET /health/events");
    routes.add("GET|HEAD /status");
    routes.add("PUT|DELETE /status/maintenance" + (clustered ? "[?scope=fleet]" : "") + " ("
      + (config.adminToken() == null ? "off: no admin token" : "admin token") + ")");
    if (config.alerts() != null) {
      boolean openReads = config.health().getProbe(HealthHandlerOptions.HEALTH).getFailureDetails()
        == FailureDetails.EVERYONE;
      routes.add("GET|HEAD /alerts, /alerts/silences[/<id>]" + (openReads ? "" : " (admin token)")
        + "; POST /alerts/silences, DELETE /alerts/silences/<id> ("
        + (config.adminToken() == null ? "off: no admin token" : "admin token") + ")");
    }
    if (config.environmentEnabled()) {
      routes.add("GET|HEAD /environment" + (config.loopbackOnly() ? "" : " (admin token)"));
    }
    if (config.metrics().isEnabled()) {
      routes.add("GET|HEAD " + config.metrics().getPath());
    }
    if (grpc.enabled()) {
      routes.add(grpc.route());
    }
    return routes;
  }

  /**
   * The graceful stop: readiness fails at once ({@code shutting down}), the server keeps serving for
   * {@code shutdown.drainDelay} so load balancers notice, then stops accepting and lets in-flight requests finish
   * for up to {@code shutdown.graceTimeout}; then the check clients, timers and the registry are released.
   *
   * @return a future completed when everything is closed
   */
  @Override
  public Future<?> stop() {
    HttpServer listening = server;
    Future<Void> closed = listening == null ? Future.succeededFuture() : drain(listening);
    return closed.eventually(() -> {
      server = null;
      return release();
    }).onSuccess(stopped -> LOG.info("Vitals standalone stopped"));
  }

  /** {@link HealthHandler#drainAndClose} step by step, each step logged. */
  private Future<Void> drain(HttpServer listening) {
    health.startDrain();
    historyRoutes.close(); // event streams would hold the drain for the whole grace timeout
    LOG.info(() -> "Stopping: readiness fails now (shutting down); still serving for " + config.drainDelay() + " ms");
    Promise<Void> delayed = Promise.promise();
    if (config.drainDelay() == 0) {
      delayed.complete();
    } else {
      vertx.setTimer(config.drainDelay(), id -> delayed.complete());
    }
    // Open gRPC Watch streams end (UNAVAILABLE) once readiness has failed for the delay: shutdown need not wait.
    return delayed.future().compose(v -> grpc.close()).compose(v -> {
      LOG.info(() -> "Stopping: no longer accepting connections; " + inFlight()
        + " request(s) in flight get up to " + config.graceTimeout() + " ms to finish");
      return listening.shutdown(config.graceTimeout(), TimeUnit.MILLISECONDS);
    }).onComplete(done -> LOG.info(() -> "Stopping: server closed, " + inFlight() + " request(s) cut"));
  }

  /** @return the requests being served now */
  private int inFlight() {
    return routes == null ? 0 : routes.inFlight();
  }

  private Future<Void> release() {
    List<Future<Void>> closing = new ArrayList<>();
    if (retriever != null) {
      closing.add(retriever.close());
      retriever = null;
    }
    if (tls != null) {
      tls.close();
    }
    if (metrics != null) {
      metrics.close();
      metrics = null;
    }
    if (fleet != null) {
      closing.add(fleet.close());
      fleet = null;
    }
    if (alertFleet != null) {
      closing.add(alertFleet.close());
      alertFleet = null;
    }
    if (alerts != null) {
      closing.add(alerts.close());
      alerts = null;
    }
    closing.addAll(running.close());
    passive.close();
    notifiers.forEach(notifier -> closing.add(notifier.close()));
    notifiers.clear();
    HistoryStore store = historyStore;
    historyStore = null;
    // The registry writes what it holds to the store when it closes: the store after it.
    closing.add(registry.close().eventually(() -> store == null ? Future.succeededFuture() : store.close()));
    if (maintenance != null) {
      closing.add(maintenance.close());
    }
    DependencyLoop loop = dependencies;
    dependencies = null;
    // The checks' clients first, then the instance they ran on (closed from here, not from its own loop).
    return Future.join(closing).transform(closed -> loop == null ? Future.<Void>succeededFuture() : loop.close());
  }

  /**
   * @return the port the server listens on (the one chosen when the config asked for port 0), or -1 when it
   * is not listening (before start completes, after stop)
   */
  public int actualPort() {
    HttpServer listening = server;
    return listening == null ? -1 : listening.actualPort();
  }
}
