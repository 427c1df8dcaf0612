package dev.vitals.samples.impl;

import dev.vitals.environment.EnvironmentOptions;
import dev.vitals.health.metrics.VitalsMetricsOptions;
import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.alerts.AlertsOptions;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.checks.CheckType;
import dev.vitals.health.fleet.EventBusFrameLimit;
import dev.vitals.health.web.probes.Detail;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import dev.vitals.health.web.transport.ConnectionLimits;
import dev.vitals.health.web.transport.RapidResetLimits;
import dev.vitals.health.web.transport.RequestHeadTimeout;
import dev.vitals.health.web.webhook.WebhookOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.transport.Transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The standalone verticle's config, validated as a whole before anything is created: first against
 * {@link ConfigSchema} (keys, types, ranges, formats), then the rules a schema cannot express (unique check names,
 * the heartbeat path, a host that resolves). docs/configuration.md documents it. Every error is an
 * {@link IllegalArgumentException} whose message starts with the value's JSON Pointer: {@code /http/port: ...},
 * {@code /checks/1/name: duplicate name 'db'}.
 */
public final class StandaloneConfig {

  /** Environment variable that, like a {@code consul} object, switches maintenance to Consul. */
  public static final String ENV_CONSUL_ADDR = "CONSUL_HTTP_ADDR";
  /** The name of the Consul agent check registered when maintenance lives in Consul. */
  public static final String CONSUL_CHECK = "consul";
  /** The default {@code reload.scanPeriod} in ms, which the TLS files are read again with when the config's is 0. */
  public static final long DEFAULT_SCAN_PERIOD = StandaloneSection.RELOAD.read(new JsonObject()).getLong("scanPeriod");
  /** The default {@code heartbeat.path}, the one path below {@code /health} a heartbeat path may take. */
  private static final String DEFAULT_HEARTBEAT_PATH = StandaloneSection.HEARTBEAT.read(new JsonObject())
    .getString("path");
  /** Paths the verticle serves itself, which {@code heartbeat.path} must not take. */
  private static final List<String> ROUTES = List.of("/health", "/status", "/environment");

  /**
   * The checks of a config without a {@code checks} field: the machine the verticle runs on. A full disk makes
   * the instance unready; a heap or event loop in trouble makes it not live. The event-loop check does not judge
   * the lateness of its start-up grace (10 s: the JVM loading its classes), and keeps a failure 1 s, its probe's
   * window, instead of the default 9 s: a failure speaks of the last second only.
   */
  private static final JsonArray DEFAULT_CHECKS = new JsonArray()
    .add(new JsonObject().put("name", "disk-space").put("type", "disk-space")
      .put("tags", new JsonArray().add("readiness")))
    .add(new JsonObject().put("name", "heap").put("type", "heap").put("tags", new JsonArray().add("liveness")))
    .add(new JsonObject().put("name", "event-loop").put("type", "event-loop").put("failureTtl", "1s")
      .put("tags", new JsonArray().add("liveness")));

  /** @return a copy of the check entries a config without a {@code checks} field runs (see the field above) */
  public static JsonArray defaultChecks() {
    return DEFAULT_CHECKS.copy();
  }

  private final JsonObject json;
  private final String host;
  private final int port;
  private final int maxInFlight;
  private final long idleTimeout;
  private final long requestTimeout;
  private final int maxConcurrentStreams;
  private final int maxResets;
  private final long resetWindow;
  private final Tls tls;
  private final long scanPeriod;
  private final List<CheckDefinition> checks;
  private final Map<String, JsonObject> checkEntries = new LinkedHashMap<>();
  private final ApplicationOptions application;
  private final String adminToken;
  private final HealthHandlerOptions health;
  private final EnvironmentOptions environment;
  private final boolean environmentEnabled;
  private final long drainDelay;
  private final long graceTimeout;
  private final boolean loopbackOnly;
  private final ConsulSection consul;
  private final String heartbeatPath;
  private final VitalsMetricsOptions metrics;
  private final List<WebhookOptions> webhooks;
  private final HistorySection history;
  private final FleetSection fleet;
  private final AlertsOptions alerts;

  /**
   * TLS on the endpoints: {@code http.ssl} with PEM files.
   *
   * @param certPath     the certificate chain
   * @param keyPath      the private key
   * @param clientCaPath the CA certificates client certificates must chain to, or {@code null} for none asked
   */
  public record Tls(String certPath, String keyPath, String clientCaPath) {
  }

  private StandaloneConfig(ConfigObject root, Map<String, String> env) {
    json = root.json();
    // The keys the launcher reads again (see launcherTransport), which builds Vert.x before this, are validated here.
    JsonObject http = StandaloneSection.HTTP.read(json);
    host = http.getString("host");
    port = http.getInteger("port");
    maxInFlight = http.getInteger("maxInFlight");
    idleTimeout = http.getLong("idleTimeout");
    requestTimeout = http.getLong("requestTimeout");
    if (http.getLong("requestHeadTimeout") < 1) {
      throw new IllegalArgumentException("http.requestHeadTimeout: expected at least 1ms, got "
        + http.getLong("requestHeadTimeout") + " ms");
    }
    maxConcurrentStreams = http.getInteger("maxConcurrentStreams");
    maxResets = http.getInteger("maxResets");
    resetWindow = http.getLong("resetWindow");
    if (resetWindow < 1_000) {
      throw new IllegalArgumentException("http.resetWindow: expected at least 1s, got " + resetWindow + " ms");
    }
    tls = http.getBoolean("ssl")
      ? new Tls(http.getString("certPath"), http.getString("keyPath"), http.getString("clientCaPath"))
      : null;
    scanPeriod = StandaloneSection.RELOAD.read(json).getLong("scanPeriod");
    JsonArray entries = root.optionalArray("checks");
    JsonArray given = entries == null ? DEFAULT_CHECKS : entries;
    List<CheckDefinition> parsed = parseChecks(given);
    for (int i = 0; i < parsed.size(); i++) {
      checkEntries.put(parsed.get(i).options().getName(), given.getJsonObject(i));
    }
    checks = CheckOrder.inDependencyOrder(parsed);
    application = nested(root, "application", ApplicationOptions::new);
    adminToken = StandaloneSection.ADMIN.read(json).getString("token");
    health = nested(root, "health", HealthHandlerOptions::new).setApplication(application);
    JsonObject envOptions = root.optionalObject("environment").json().copy();
    environmentEnabled = !Boolean.FALSE.equals(envOptions.remove("enabled"));
    environment = nested(new ConfigObject(new JsonObject().put("environment", envOptions), ""), "environment",
      EnvironmentOptions::new).setApplication(application);
    JsonObject shutdown = StandaloneSection.SHUTDOWN.read(json);
    drainDelay = shutdown.getLong("drainDelay");
    graceTimeout = shutdown.getLong("graceTimeout");
    heartbeatPath = StandaloneSection.HEARTBEAT.read(json).getString("path");
    for (String route : ROUTES) {
      if (heartbeatPath.equals(route) || route.startsWith(heartbeatPath + "/")
        || (heartbeatPath.startsWith(route + "/") && !heartbeatPath.equals(DEFAULT_HEARTBEAT_PATH)
        && !heartbeatPath.startsWith(DEFAULT_HEARTBEAT_PATH + "/"))) {
        throw new IllegalArgumentException("heartbeat.path: '" + heartbeatPath + "' collides with the route " + route
          + "; expected a path of its own such as " + DEFAULT_HEARTBEAT_PATH);
      }
    }
    metrics = nested(root, "metrics", VitalsMetricsOptions::new);
    String metricsPath = metrics.getPath();
    for (String route : List.of("/health", "/status", "/environment", heartbeatPath)) {
      if (metrics.isEnabled() && (metricsPath.equals(route) || metricsPath.startsWith(route + "/"))) {
        throw root.optionalObject("metrics").invalid("path", "'" + metricsPath + "' collides with the route "
          + route + "; expected a path of its own such as " + VitalsMetricsOptions.DEFAULT_PATH);
      }
    }
    JsonArray hooks = root.optionalObject("notifications").optionalArray("webhooks");
    List<WebhookOptions> webhooks = new ArrayList<>();
    for (int i = 0; hooks != null && i < hooks.size(); i++) {
      webhooks.add(nested(new ConfigObject(new JsonObject().put("w", hooks.getJsonObject(i)), ""), "w",
        WebhookOptions::new, "notifications.webhooks[" + i + "]"));
    }
    this.webhooks = List.copyOf(webhooks);
    history = nested(root, "history", HistorySection::new);
    alerts = root.has("alerts") ? nested(root, "alerts", AlertsOptions::new) : null;
    fleet = root.has("fleet") ? nested(root, "fleet", FleetSection::new) : null;
    if (fleet != null) {
      for (int i = 0; i < parsed.size(); i++) {
        String name = parsed.get(i).options().getName();
        if (name.equals(StandaloneFleet.CLUSTER_CHECK) && fleet.source() == FleetSection.Source.CLUSTER) {
          throw new IllegalArgumentException("checks[" + i + "].name: '" + StandaloneFleet.CLUSTER_CHECK
            + "' is the cluster check's name when fleet.source is cluster");
        }
        if (name.equals("fleet") || name.startsWith("fleet/")) {
          throw new IllegalArgumentException("checks[" + i + "].name: '" + name + "' would be hidden by "
            + StandaloneFleet.PATH + "; choose another name");
        }
      }
      if (alerts != null && fleet.source() == FleetSection.Source.CLUSTER
        && health.getProbe(HealthHandlerOptions.HEALTH).getDetail() == Detail.STATUS) {
        // Once per fleet counts the instances where a check fails from the statuses they publish, which name no
        // check with detail status: a check failing on another instance only would never be sent.
        throw new IllegalArgumentException("health.probes.health.detail: 'status' publishes no check's name to the "
          + "fleet, which alerts once per fleet need (fleet.source cluster with an alerts section); expected 'names' "
          + "or 'full'");
      }
      if (health.getProbes().containsKey("fleet")) {
        throw new IllegalArgumentException("health.probes.fleet: the probe would be hidden by " + StandaloneFleet.PATH
          + "; choose another name");
      }
    }
    if (root.has("consul") || env.containsKey(ENV_CONSUL_ADDR)) {
      consul = new ConsulSection(root.optionalObject("consul").json(), env);
      for (int i = 0; i < checks.size(); i++) {
        if (checks.get(i).options().getName().equals(CONSUL_CHECK)) {
          throw new IllegalArgumentException("checks[" + i + "].name: '" + CONSUL_CHECK
            + "' is the Consul agent check's name when maintenance lives in Consul");
        }
      }
    } else {
      consul = null;
    }
    if (fleet != null && fleet.source() == FleetSection.Source.CONSUL) {
      if (consul == null) {
        throw new IllegalArgumentException("fleet.source: 'consul' needs a consul section (or CONSUL_HTTP_ADDR) "
          + "with consul.service, the Consul service whose instances make the fleet");
      }
      if (consul.service() == null) {
        throw new IllegalArgumentException("consul.service: required when fleet.source is consul: the Consul "
          + "service whose instances make the fleet");
      }
    }
    loopbackOnly = isLoopback(host);
    if (environmentEnabled && adminToken == null && !loopbackOnly) {
      throw new IllegalArgumentException("environment.enabled: the environment dump would be served on " + host
        + ", which is not a loopback address, without a token; set admin.token (or VITALS_ADMIN_TOKEN), or "
        + "environment.enabled to false");
    }
  }

  /**
   * @param config      the verticle's config, environment variables and system properties already applied (see
   *                    {@link ConfigOverrides})
   * @param environment the process environment, for the Consul CLI's {@code CONSUL_HTTP_*} variables
   * @return the validated config
   * @throws IllegalArgumentException {@code "<JSON Pointer>: <message>"}, one line, when the config does not
   *                                  match {@link ConfigSchema} or breaks a rule a schema cannot express (a
   *                                  duplicate check name, a heartbeat path on another route, an unresolvable
   *                                  host)
   */
  public static StandaloneConfig parse(JsonObject config, Map<String, String> environment) {
    ConfigSchema.validate(config);
    JsonObject withoutSchema = config.copy();
    withoutSchema.remove("$schema");
    try {
      return new StandaloneConfig(new ConfigObject(withoutSchema, ""), environment);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(toPointer(e.getMessage()), e);
    }
  }

  /** Gives messages naming a field by its dotted path ({@code checks[1].url: ...}) its JSON Pointer. */
  private static String toPointer(String message) {
    int colon = message.indexOf(": ");
    if (colon < 0 || !message.substring(0, colon).matches("[a-z][A-Za-z0-9_.\\[\\]-]*")) {
      return message;
    }
    return "/" + message.substring(0, colon).replaceAll("\\[(\\d+)]", ".$1").replace('.', '/')
      + message.substring(colon);
  }

  /** Reads an options object with its own JSON constructor, giving its errors the object's path. */
  private static <T> T nested(ConfigObject root, String key, Function<JsonObject, T> reader) {
    return nested(root, key, reader, root.path(key));
  }

  private static <T> T nested(ConfigObject root, String key, Function<JsonObject, T> reader, String path) {
    try {
      return reader.apply(root.optionalObject(key).json());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + "." + e.getMessage(), e);
    }
  }

  /**
   * Whether the address to listen on is a loopback one; a name is resolved (once, at start-up).
   *
   * @throws IllegalArgumentException {@code http.host: cannot resolve '<host>'} when the name does not resolve
   */
  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("http.host: cannot resolve '" + host + "' to an address to listen on");
    }
  }

  private static List<CheckDefinition> parseChecks(JsonArray entries) {
    List<CheckDefinition> checks = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "checks[" + i + "]";
      ConfigObject entry = new ConfigObject(entries.getJsonObject(i), path);
      CheckOptions options = entry.read(CheckOptions::new);
      String type = entry.requiredString("type");
      // The schema let through only the types it knows: passive, and those CheckType.available() finds.
      CheckDefinition check = PassiveCheckDefinition.TYPE.equals(type) ? PassiveCheckDefinition.parse(entry, options)
        : TypedCheckDefinition.parse(CheckType.available().get(type), entry, options);
      requireDistinct(check.options().getName(), checks, path);
      checks.add(check);
    }
    return checks;
  }

  /** A name is a check or a group, never both, and never twice (as the registry requires). */
  private static void requireDistinct(String name, List<CheckDefinition> earlier, String path) {
    for (CheckDefinition other : earlier) {
      String existing = other.options().getName();
      if (existing.equals(name)) {
        throw new IllegalArgumentException(path + ".name: duplicate name '" + name + "'");
      }
      if (existing.startsWith(name + "/") || name.startsWith(existing + "/")) {
        throw new IllegalArgumentException(path + ".name: '" + name + "' clashes with '" + existing
          + "': a name is either a check or a group of checks");
      }
    }
  }

  /** @return the config as given (environment and system properties applied) */
  public JsonObject json() {
    return json;
  }

  /** @return each check's entry in the config, by check name, in config order; unmodifiable */
  public Map<String, JsonObject> checkEntries() {
    return Collections.unmodifiableMap(checkEntries);
  }

  /** @return how often the config file is read again for changes, in ms; 0 never */
  public long scanPeriod() {
    return scanPeriod;
  }

  /** @return how long a connection may stay without a byte read or written before it is closed, in ms; 0: forever */
  public long idleTimeout() {
    return idleTimeout;
  }

  /** @return how long a request's body may take to arrive after its headers, in ms; 0: forever */
  public long requestTimeout() {
    return requestTimeout;
  }

  /**
   * The transport of the launcher's Vert.x, which the launcher builds before the verticle reads its config: the
   * connection caps ({@code http.maxConnections}, {@code maxConnectionsPerClient}), the HTTP/2 reset budget per
   * address ({@code http.maxResets}, {@code resetWindow}) and the request head deadline ({@code
   * http.requestHeadTimeout}) of a config not validated yet, and the clustered event bus' frame bound
   * ({@link EventBusFrameLimit#DEFAULT_MAX_FRAME}; the event bus is the instance's only server that is not HTTP). An
   * absent or invalid value is its default here; the verticle then stops start-up with the error. A change needs a
   * restart.
   *
   * @param json the config, overrides applied
   * @param base the transport to be otherwise
   * @return the transport
   */
  public static Transport launcherTransport(JsonObject json, Transport base) {
    JsonObject defaults = StandaloneSection.HTTP.read(new JsonObject());
    JsonObject http;
    try {
      http = StandaloneSection.HTTP.read(json);
    } catch (IllegalArgumentException e) {
      http = defaults; // the verticle stops start-up with the error
    }
    long headTimeout = http.getLong("requestHeadTimeout") >= 1 ? http.getLong("requestHeadTimeout")
      : defaults.getLong("requestHeadTimeout");
    long resetWindow = http.getLong("resetWindow") >= 1_000 ? http.getLong("resetWindow")
      : defaults.getLong("resetWindow");
    Transport capped = ConnectionLimits.transport(base, positive(http, defaults, "maxConnections"),
      positive(http, defaults, "maxConnectionsPerClient"));
    Transport resets = RapidResetLimits.transport(capped, positive(http, defaults, "maxResets"), resetWindow);
    return EventBusFrameLimit.transport(RequestHeadTimeout.transport(resets, headTimeout),
      EventBusFrameLimit.DEFAULT_MAX_FRAME);
  }

  private static int positive(JsonObject http, JsonObject defaults, String key) {
    return http.getInteger(key) >= 1 ? http.getInteger(key) : defaults.getInteger(key);
  }

  /** @return the HTTP/2 streams one connection may have open at once */
  public int maxConcurrentStreams() {
    return maxConcurrentStreams;
  }

  /** @return the HTTP/2 streams one connection may reset within {@link #resetWindow()} */
  public int maxResets() {
    return maxResets;
  }

  /** @return the window of {@link #maxResets()}, and how long a flooding peer address is refused, in ms */
  public long resetWindow() {
    return resetWindow;
  }

  /** @return TLS on the endpoints, or {@code null} for plain HTTP */
  public Tls tls() {
    return tls;
  }

  /** @return the address to listen on */
  public String host() {
    return host;
  }

  /** @return the port to listen on; 0 means any free port */
  public int port() {
    return port;
  }

  /** @return the checks to register, each after those it depends on, else in config order; unmodifiable */
  public List<CheckDefinition> checks() {
    return checks;
  }

  /** @return requests served at once before answering 503 with {@code Retry-After} */
  public int maxInFlight() {
    return maxInFlight;
  }

  /** @return the application's name and version as configured (unset values fall back to the manifest) */
  public ApplicationOptions application() {
    return application;
  }

  /** @return the admin bearer token ({@code admin.token}, which {@code VITALS_ADMIN_TOKEN} sets), or {@code null} */
  public String adminToken() {
    return adminToken;
  }

  /** @return the health handler's options: probes, codes, detail, with the application set */
  public HealthHandlerOptions health() {
    return health;
  }

  /** @return the {@code metrics} section: whether and where the Prometheus scrape is served */
  public VitalsMetricsOptions metrics() {
    return metrics;
  }

  /** @return whether {@code /environment} is served */
  public boolean environmentEnabled() {
    return environmentEnabled;
  }

  /**
   * @return the environment dump's options; {@code includeConfig} as configured, without the config itself: its
   * {@code config} section is {@link #masked()}, made when the dump is asked for
   */
  public EnvironmentOptions environment() {
    return environment;
  }

  /**
   * @return a new copy of this config with its secret fields masked, as the {@code config} section of
   * {@code /environment} shows it (made on demand rather than kept: the config grows with the checks)
   */
  public JsonObject masked() {
    return SecretFields.mask(json);
  }

  /** @return whether the server listens on a loopback address only */
  public boolean loopbackOnly() {
    return loopbackOnly;
  }

  /** @return where passive checks' reports are POSTed: {@code <path>/<name>} */
  public String heartbeatPath() {
    return heartbeatPath;
  }

  /** @return the fleet section, or {@code null} when the config has none */
  public FleetSection fleet() {
    return fleet;
  }

  /** @return the history section: what the registry remembers, and the bounds of the event stream */
  public HistorySection history() {
    return history;
  }

  /** @return the {@code alerts} section, or {@code null} when the config has none (no alerting) */
  public AlertsOptions alerts() {
    return alerts;
  }

  /** @return the webhooks status changes are POSTed to */
  public List<WebhookOptions> webhooks() {
    return webhooks;
  }

  /**
   * @return where maintenance lives in Consul, and the Consul service of the fleet: the {@code consul} section (the
   * Consul CLI's environment variables under it), or {@code null} when maintenance is local
   */
  public ConsulSection consul() {
    return consul;
  }

  /** @return how long readiness fails before the server stops accepting on stop, in ms */
  public long drainDelay() {
    return drainDelay;
  }

  /** @return how long in-flight requests may take to finish on stop, in ms */
  public long graceTimeout() {
    return graceTimeout;
  }

}
