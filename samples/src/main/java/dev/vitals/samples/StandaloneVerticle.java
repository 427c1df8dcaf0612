package dev.vitals.samples;

import dev.vitals.environment.EnvironmentDump;
import dev.vitals.environment.EnvironmentOptions;
import dev.vitals.health.checks.CheckType;
import dev.vitals.health.checks.DependencyLoop;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.StatusChange;
import dev.vitals.health.StatusEvents;
import dev.vitals.health.web.AdminTokenHandler;
import dev.vitals.health.web.EnvironmentHandler;
import dev.vitals.health.web.HealthHandler;
import dev.vitals.health.web.HealthHandlerOptions;
import dev.vitals.health.web.HistoryRoutes;
import dev.vitals.health.web.HeartbeatHandler;
import dev.vitals.health.web.WebhookNotifier;
import dev.vitals.health.web.WebhookOptions;
import dev.vitals.health.web.InFlightLimitHandler;
import dev.vitals.health.web.JsonErrorHandler;
import dev.vitals.health.web.MaintenanceHandler;
import dev.vitals.health.web.RequestGuardHandler;
import dev.vitals.health.web.StatusHandler;
import dev.vitals.health.web.impl.BurstLog;
import dev.vitals.samples.impl.CheckDefinition;
import dev.vitals.samples.impl.ConfigFiles;
import dev.vitals.samples.impl.ConfigOverrides;
import dev.vitals.samples.impl.FleetSection;
import dev.vitals.samples.impl.GrpcEndpoint;
import dev.vitals.samples.impl.PeerLimits;
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
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A health server that watches the dependencies declared in its config and serves them at {@code /health}.
 * It is the main verticle of {@code vitals-samples.jar}:
 *
 * <pre>
 * java -jar vitals-samples.jar                    # default checks, http://127.0.0.1:8080/health
 * java -jar vitals-samples.jar -conf config.json  # the config below, from a file or inline JSON
 * </pre>
 *
 * <h2>Config</h2>
 * <pre>{@code
 * {
 *   "http": {"host": "127.0.0.1", "port": 8080},
 *   "checks": [
 *     {"name": "api", "type": "http", "url": "http://localhost:9000/ping", "timeout": "500ms"},
 *     {"name": "db", "type": "tcp", "host": "db.internal", "port": 5432, "critical": false},
 *     {"name": "disk", "type": "disk-space", "path": "/var/lib/app", "minFree": "10GB"},
 *     {"name": "heap", "type": "heap", "maxUsed": 0.95},
 *     {"name": "event-loop", "type": "event-loop", "maxDelay": "200ms"}
 *   ]
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code http.host} (default {@code 127.0.0.1}) and {@code http.port} (default 8080, 0 for any free
 *       port, see {@link #actualPort()}); the environment variables {@code VITALS_HTTP_HOST} and
 *       {@code VITALS_HTTP_PORT} set them too.</li>
 *   <li>Every check has a {@code name} and a {@code type}, and may have the fields of
 *       {@link dev.vitals.health.CheckOptions}' JSON form: {@code timeout} (default 2 s), {@code successTtl}
 *       (27 s), {@code failureTtl} (9 s), {@code maxStale}, {@code refreshPeriod}, {@code critical} (true),
 *       {@code tags}. Durations are integer milliseconds or strings such as {@code "500ms"}, {@code "27s"},
 *       {@code "5m"}.</li>
 *   <li>{@code http}: {@code url} (required, http or https), {@code expectedStatus} (optional). Passes on a
 *       2xx answer, or on exactly {@code expectedStatus}; redirects are not followed. The output names the
 *       status code or the connection error. User info in the URL ({@code http://user:password@host/}) is
 *       sent as basic authentication and masked in outputs.</li>
 *   <li>{@code tcp}: {@code host} and {@code port} (required). Connects and closes; fails with the connection
 *       error.</li>
 *   <li>{@code disk-space}: {@code path} (default the working directory), {@code minFree} (default 100 MB):
 *       integer bytes or a string such as {@code "500MB"}, {@code "10GB"}, {@code "1024KB"} with units B,
 *       KB, MB, GB, TB in powers of 1024. Fails when less is usable. Data: {@code freeBytes},
 *       {@code totalBytes}, {@code minFreeBytes}, {@code path}.</li>
 *   <li>{@code heap}: {@code maxUsed}, a ratio in (0, 1] of used to maximum heap (default 0.9). Data:
 *       {@code usedBytes}, {@code maxBytes}, {@code usedRatio}, {@code maxUsed}.</li>
 *   <li>{@code event-loop}: {@code maxDelay}, a duration (default 200 ms); {@code startupGrace}, a duration
 *       (default 10 s). A timer set every 100 ms on the verticle's event loop measures how late it fires; the
 *       check fails when the largest lateness of the last 10 samples exceeds {@code maxDelay}. Lateness within
 *       {@code startupGrace} of the check's start (the JVM loading its classes) is not judged. Data:
 *       {@code delayMs}, {@code maxDelayMs}, {@code samples}, {@code lateSamples}, {@code startup},
 *       {@code startupGraceMs}, {@code startupDelayMs}.</li>
 * </ul>
 *
 * <p>Without a {@code checks} field the verticle checks its own machine: {@code disk-space} of the working
 * directory (100 MB free, tagged {@code readiness}), {@code heap} (90 % used) and {@code event-loop} (200 ms),
 * both tagged {@code liveness}, all with the defaults above. {@code "checks": []} means no checks at all.
 *
 * <p>Beside {@code http} and {@code checks}, the config has these optional sections (README.md, "Config
 * reference", gives every key and default):
 * <ul>
 *   <li>{@code http.maxInFlight} (default 1024): requests served at once; beyond it 503 with {@code Retry-After}.
 *       The probe paths ({@code /health}, {@code /health/live}, ...) have a budget of that size of their own, so
 *       that load held on other routes never refuses them.</li>
 *   <li>{@code http.idleTimeout} (default 60 s): a connection without a byte read or written is closed;
 *       {@code http.requestTimeout} (default 30 s): a request whose body has not arrived that long after its
 *       headers is answered 408 and its connection closed. 0 disables either.</li>
 *   <li>HTTP/2: {@code http.maxConcurrentStreams} (default 100) streams open at once per connection;
 *       {@code http.maxResets} (default 100) streams a connection may reset within {@code http.resetWindow}
 *       (default 30 s, whole seconds) before it gets GOAWAY, after which its peer address has its other
 *       connections closed and new ones refused for {@code http.resetWindow} (HTTP/2 rapid reset,
 *       CVE-2023-44487).</li>
 *   <li>{@code application}: {@code name}, {@code version}, {@code releaseId}, {@code serviceId},
 *       {@code description}, shown by {@code /status} and the health+json format; name and version fall back to
 *       the jar's manifest.</li>
 *   <li>{@code admin.token} (or {@code VITALS_ADMIN_TOKEN}): the bearer token of {@code PUT|DELETE
 *       /status/maintenance} (always required; without a token they answer 403) and of {@code /environment} when
 *       the server does not listen on a loopback address, or the request carries {@code Forwarded} or
 *       {@code X-Forwarded-For} (it came through a proxy).</li>
 *   <li>{@code health}: the {@code HealthHandlerOptions} JSON ({@code hostname}, {@code probes}).</li>
 *   <li>{@code environment}: {@code enabled} (default true) and the {@code EnvironmentOptions} JSON. On a
 *       non-loopback address without a token the start fails, naming {@code environment.enabled}.</li>
 *   <li>{@code consul}: the {@code ConsulMaintenanceOptions} JSON; it, or {@code CONSUL_HTTP_ADDR} in the
 *       environment, moves maintenance to Consul and registers a non-critical check named {@code consul}.</li>
 *   <li>{@code grpc}: {@code enabled} (default true) and {@code maxWatches} (1024): {@code grpc.health.v1.Health}
 *       ({@code Check}, {@code Watch}) on the HTTP port over HTTP/2 (cleartext, or TLS with ALPN), from the same
 *       probes and checks as {@code /health}; open {@code Watch} streams end once the drain delay is over.</li>
 *   <li>{@code shutdown}: {@code drainDelay} (default 5 s), {@code graceTimeout} (default 10 s).</li>
 *   <li>{@code metrics}: {@code enabled} (default true), {@code path} (default {@code /metrics}): the Prometheus
 *       scrape of Vitals' meters and, with {@code vertx} (default true) when started by the jar's launcher, of
 *       Vert.x's own.</li>
 *   <li>{@code history}: the {@code HistoryOptions} JSON ({@code enabled}, {@code flapHighThreshold},
 *       {@code flapLowThreshold}) and the {@code HistoryRoutesOptions} JSON ({@code maxStreams},
 *       {@code maxStreamsPerClient}, {@code keepAlive}, {@code eventBuffer}) of {@code /health/history},
 *       {@code /health/events} and {@code /health/ui}.</li>
 * </ul>
 *
 * <p>The config is read with vertx-config: the file given to
 * {@link #StandaloneVerticle(Map, Map, Path)} (read again every {@code reload.scanPeriod}: checks added, removed
 * or changed there are applied without a restart) or the deployment's config, then {@code VITALS_*} environment
 * variables and {@code vitals.*} system properties over it ({@code VITALS_HTTP_PORT}, {@code -Dvitals.http.port}
 * set {@code http.port}; see {@code ConfigOverrides}). It is checked against the JSON Schema
 * {@code vitals-config.schema.json} (at the jar's root): keys not listed there are rejected. Any error fails
 * {@link #start()} before anything is created, with an {@link IllegalArgumentException} whose message starts
 * with the value's JSON Pointer: {@code /checks/1/timeout: expected integer milliseconds, ...},
 * {@code /checks/2/name: duplicate name 'db'}; {@code vitals-samples.jar} then prints that one line and exits
 * with code 15. {@code http.ssl} with {@code http.certPath}, {@code http.keyPath} (PEM) and optionally
 * {@code http.clientCaPath} serves HTTPS, reloading the certificate when the files change.
 *
 * <p>On start it logs (java.util.logging, as Vert.x) the address it listens on, its routes and its checks. On
 * stop (SIGTERM, {@code vertx.close()}, undeploy) readiness fails at once, the server keeps serving for
 * {@code shutdown.drainDelay}, then stops accepting and lets in-flight requests finish for up to
 * {@code shutdown.graceTimeout}; then the check clients, timers, the maintenance source and the registry are
 * closed, so that it can be deployed again at once on the same port.
 */
public class StandaloneVerticle extends VerticleBase {

  /** The largest request body accepted (the maintenance reason), in bytes: 64 KiB. */
  public static final long MAX_BODY_BYTES = 64 * 1024;
  /** The route the health handler is mounted on. */
  public static final String HEALTH_ROUTE = "/health*";

  private static final Logger LOG = Logger.getLogger(StandaloneVerticle.class.getName());

  private final Map<String, String> environment;
  private final Map<String, String> systemProperties;
  private final Path configFile;
  /** The configured checks registered now, by name: their entry in the config and what they hold. */
  private final Map<String, RunningCheck> running = new LinkedHashMap<>();
  /** Top-level keys whose change was logged as needing a restart, so that it is logged once. */
  private final Set<String> restartLogged = new HashSet<>();
  private CheckRegistry registry;
  /** Where dependency checks do their I/O: an event loop apart from the ones serving liveness. */
  private DependencyLoop dependencies;
  private MaintenanceSource maintenance;
  private PassiveChecks passive;
  private final List<WebhookNotifier> notifiers = new ArrayList<>();
  private HealthHandler health;
  private HistoryRoutes historyRoutes;
  private List<InFlightLimitHandler> inFlight = List.of();
  private StandaloneConfig config;
  private ConfigRetriever retriever;
  private TlsReloader tls;
  private GrpcEndpoint grpc;
  private StandaloneMetrics metrics;
  private StandaloneFleet fleet;
  private volatile HttpServer server;

  /** A configured check as registered: its config entry, to notice changes, and what releases it. */
  private record RunningCheck(JsonObject entry, CheckType.Registration registration) {
  }

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
    Map<String, JsonObject> wanted = next.checkEntries();
    List<String> removed = new ArrayList<>();
    running.forEach((name, check) -> {
      if (!check.entry().equals(wanted.get(name))) {
        removed.add(name);
      }
    });
    removed.forEach(name -> {
      registry.unregister(name);
      running.remove(name).registration().close();
    });
    List<String> added = new ArrayList<>();
    for (CheckDefinition check : next.checks()) {
      String name = check.options().getName();
      if (!running.containsKey(name)) {
        running.put(name, new RunningCheck(wanted.get(name),
          check.register(vertx, dependencies.vertx(), registry, passive)));
        added.add(name);
      }
    }
    if (!removed.isEmpty() || !added.isEmpty()) {
      LOG.info(() -> "Config change applied: checks removed " + removed + ", added " + added);
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
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setHistory(config.history().registryOptions()));
    passive = PassiveChecks.create(vertx, registry, Clock.systemUTC());
    dependencies = DependencyLoop.create();
    for (CheckDefinition check : config.checks()) {
      String name = check.options().getName();
      running.put(name, new RunningCheck(config.checkEntries().get(name),
        check.register(vertx, dependencies.vertx(), registry, passive)));
    }
    if (config.consul() != null) {
      ConsulMaintenance consul = ConsulMaintenance.create(vertx, config.consul());
      registry.register(new CheckOptions(StandaloneConfig.CONSUL_CHECK).setCritical(false), consul.agentCheck());
      maintenance = consul;
    } else {
      maintenance = MaintenanceSource.local();
    }
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
      WebhookNotifier notifier = WebhookNotifier.create(vertx, webhook);
      StatusEvents.listen(registry, maintenance, notifier::notify);
      notifiers.add(notifier);
    }
    AdminTokenHandler admin = config.adminToken() == null ? null : AdminTokenHandler.create(config.adminToken());
    health = HealthHandler.create(registry, config.health()).maintenance(maintenance);
    if (admin != null) {
      health.authenticatedBy(admin::verify);
    }
    Router router = Router.router(vertx);
    router.route().handler(RequestGuardHandler.create(config.requestTimeout()).closingWhen(health::isDraining));
    // Probes have a budget of their own: load held elsewhere (half-sent bodies, floods) never refuses them.
    Set<String> probePaths = config.health().getProbes().keySet().stream()
      .map(name -> name.equals("health") ? "/health" : "/health/" + name).collect(Collectors.toSet());
    InFlightLimitHandler probes = InFlightLimitHandler.create(config.maxInFlight());
    InFlightLimitHandler others = InFlightLimitHandler.create(config.maxInFlight());
    inFlight = List.of(probes, others);
    router.route().handler(ctx -> (isProbe(ctx, probePaths) ? probes : others).handle(ctx));
    router.route(config.heartbeatPath() + "/*").handler(HeartbeatHandler.create(passive, config.adminToken()));
    historyRoutes = config.history().mount(vertx, router, registry, maintenance,
      config.health().getProbe(HealthHandlerOptions.HEALTH), admin == null ? null : admin::verify);
    if (config.fleet() != null) {
      fleet = StandaloneFleet.mount(vertx, config.fleet(), router, registry);
    }
    router.route(HEALTH_ROUTE).handler(health);
    router.route("/status").handler(StatusHandler.create(maintenance, config.application()));
    // The method before the token: a wrong method gets 405 with Allow, token or not.
    router.route("/status/maintenance").handler(JsonErrorHandler.allowing(HttpMethod.PUT, HttpMethod.DELETE));
    // The token before the body, on a route of its own (vertx-web orders body handlers before authentication
    // ones on one route): a client without it cannot make the server wait for, or buffer, a body.
    router.route("/status/maintenance")
      .handler(admin != null ? admin : refuse("Maintenance switching is off: set admin.token or VITALS_ADMIN_TOKEN"));
    MaintenanceHandler maintenanceHandler = MaintenanceHandler.create(maintenance, config.application());
    router.route("/status/maintenance")
      .handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
      .handler(maintenanceHandler)
      .failureHandler(ctx -> {
        if (!(ctx.failure() instanceof HttpClosedException)) {
          ctx.next(); // a client that went away mid-body needs no answer and no log line
        }
      });
    if (config.environmentEnabled()) {
      StandaloneConfig started = config;
      // The config section is masked when the dump is asked for, rather than a copy of the config kept in the dump.
      EnvironmentDump dump = EnvironmentDump.create(vertx,
        new EnvironmentOptions(started.environment()).setIncludeConfig(false));
      if (started.environment().isIncludeConfig()) {
        dump.addSection("config", () -> Future.succeededFuture(started.masked()));
      }
      router.route("/environment").handler(JsonErrorHandler.allowing(HttpMethod.GET, HttpMethod.HEAD));
      // On loopback the dump needs no token, unless the request came through a proxy (which may be open to all).
      Handler<RoutingContext> guard = admin != null ? admin
        : refuse("The environment dump behind a proxy needs a token: set admin.token or VITALS_ADMIN_TOKEN");
      router.route("/environment").handler(ctx -> {
        if (config.loopbackOnly() && !forwarded(ctx)) {
          ctx.next();
        } else {
          guard.handle(ctx);
        }
      });
      router.route("/environment").handler(EnvironmentHandler.create(dump));
    }
    metrics = StandaloneMetrics.mount(vertx, router, config.metrics(), registry, maintenance, passive, notifiers, health,
      fleet);
    JsonErrorHandler.register(router);

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
    Future<?> warm = Future.all(running.values().stream().map(check -> check.registration().warmedUp()).toList());
    return Future.all(warm, ssl).compose(ready -> vertx.createHttpServer(options)
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
      .onSuccess(listening -> logStarted(listening.actualPort()))
      .recover(failure -> release().transform(released -> Future.failedFuture(failure)));
  }

  /** A path that cannot be decoded is no probe: the router answers it 400. */
  private static boolean isProbe(RoutingContext ctx, Set<String> probePaths) {
    try {
      return probePaths.contains(ctx.normalizedPath());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether a proxy says the request came from elsewhere. */
  private static boolean forwarded(RoutingContext ctx) {
    return ctx.request().headers().contains("Forwarded") || ctx.request().headers().contains("X-Forwarded-For");
  }

  private static Handler<RoutingContext> refuse(String message) {
    return ctx -> JsonErrorHandler.send(ctx, 403, message);
  }

  private void logStarted(int port) {
    LOG.info(() -> "Vitals standalone listening on " + (config.tls() != null ? "https" : "http") + "://"
      + config.host() + ":" + port);
    LOG.info(() -> "Routes: " + String.join("; ", routes()));
    LOG.info(() -> "Checks: " + (config.checks().isEmpty() ? "none" : config.checks().stream()
      .map(check -> check.options().getName() + " (" + check.type() + ")")
      .collect(Collectors.joining(", "))));
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
    routes.add("GET|HEAD /health/history, /health/ui; GET /health/events");
    routes.add("GET|HEAD /status");
    routes.add("PUT|DELETE /status/maintenance" + (clustered ? "[?scope=fleet]" : "") + " ("
      + (config.adminToken() == null ? "off: no admin token" : "admin token") + ")");
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
    return inFlight.stream().mapToInt(InFlightLimitHandler::inFlight).sum();
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
    running.values().forEach(check -> closing.add(check.registration().close()));
    running.clear();
    passive.close();
    notifiers.forEach(notifier -> closing.add(notifier.close()));
    notifiers.clear();
    closing.add(registry.close());
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
