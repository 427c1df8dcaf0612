package dev.vitals.samples.impl;

import dev.vitals.environment.EnvironmentOptions;
import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.Durations;
import dev.vitals.health.web.HealthHandlerOptions;
import dev.vitals.health.web.WebhookOptions;
import dev.vitals.status.consul.ConsulMaintenanceOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The standalone verticle's config, validated as a whole before anything is created. The format is documented
 * on {@code dev.vitals.samples.StandaloneVerticle}. Every error is an {@link IllegalArgumentException} whose
 * message starts with the field's path: {@code http.port: ...}, {@code checks[1].timeout: ...},
 * {@code VITALS_HTTP_PORT: ...}.
 */
public final class StandaloneConfig {

  /** Default address to listen on: loopback only, since health details are not for everyone. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default port to listen on. */
  public static final int DEFAULT_PORT = 8080;
  /** Environment variable that overrides {@code http.host}. */
  public static final String ENV_HOST = "VITALS_HTTP_HOST";
  /** Environment variable that overrides {@code http.port}. */
  public static final String ENV_PORT = "VITALS_HTTP_PORT";
  /** Environment variable that, like a {@code consul} object, switches maintenance to Consul. */
  public static final String ENV_CONSUL_ADDR = "CONSUL_HTTP_ADDR";
  /** The name of the Consul agent check registered when maintenance lives in Consul. */
  public static final String CONSUL_CHECK = "consul";
  /** Environment variable that overrides {@code admin.token}. */
  public static final String ENV_ADMIN_TOKEN = "VITALS_ADMIN_TOKEN";
  /** Default {@code heartbeat.path}: reports go to {@code /health/heartbeat/<name>}. */
  public static final String DEFAULT_HEARTBEAT_PATH = "/health/heartbeat";
  /** Default {@code http.maxInFlight}: requests served at once before answering 503. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 1024;
  /** Default {@code http.idleTimeout}: 60000 ms without a byte read or written before a connection is closed. */
  public static final long DEFAULT_IDLE_TIMEOUT = 60_000;
  /** Default {@code http.requestTimeout}: 30000 ms for a request's body to arrive after its headers. */
  public static final long DEFAULT_REQUEST_TIMEOUT = 30_000;
  /** Default {@code shutdown.drainDelay}: 5000 ms of failing readiness before the server stops accepting. */
  public static final long DEFAULT_DRAIN_DELAY = 5_000;
  /** Default {@code shutdown.graceTimeout}: 10000 ms for in-flight requests to finish. */
  public static final long DEFAULT_GRACE_TIMEOUT = 10_000;

  /** Fields every check entry may have: its type and what {@link CheckOptions#CheckOptions(JsonObject)} reads. */
  private static final Set<String> COMMON_FIELDS = Set.of("name", "type", "timeout", "successTtl", "failureTtl",
    "maxStale", "refreshPeriod", "critical", "tags", "failureThreshold", "successThreshold");

  private static final List<CheckType> TYPES = List.of(
    new CheckType("http", HttpCheckDefinition.FIELDS, HttpCheckDefinition::parse),
    new CheckType("tcp", TcpCheckDefinition.FIELDS, TcpCheckDefinition::parse),
    new CheckType("disk-space", DiskSpaceCheckDefinition.FIELDS, DiskSpaceCheckDefinition::parse),
    new CheckType("heap", HeapCheckDefinition.FIELDS, HeapCheckDefinition::parse),
    new CheckType("event-loop", EventLoopCheckDefinition.FIELDS, EventLoopCheckDefinition::parse),
    new CheckType("passive", PassiveCheckDefinition.FIELDS, PassiveCheckDefinition::parse));

  /**
   * The checks of a config without a {@code checks} field: the machine the verticle runs on. A full disk makes
   * the instance unready; a heap or event loop in trouble makes it not live.
   */
  private static final JsonArray DEFAULT_CHECKS = new JsonArray()
    .add(new JsonObject().put("name", "disk-space").put("type", "disk-space")
      .put("tags", new JsonArray().add("readiness")))
    .add(new JsonObject().put("name", "heap").put("type", "heap").put("tags", new JsonArray().add("liveness")))
    .add(new JsonObject().put("name", "event-loop").put("type", "event-loop")
      .put("tags", new JsonArray().add("liveness")));

  private final String host;
  private final int port;
  private final int maxInFlight;
  private final long idleTimeout;
  private final long requestTimeout;
  private final List<CheckDefinition> checks;
  private final ApplicationOptions application;
  private final String adminToken;
  private final HealthHandlerOptions health;
  private final EnvironmentOptions environment;
  private final boolean environmentEnabled;
  private final long drainDelay;
  private final long graceTimeout;
  private final boolean loopbackOnly;
  private final ConsulMaintenanceOptions consul;
  private final String heartbeatPath;
  private final List<WebhookOptions> webhooks;

  private StandaloneConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.maxInFlight = b.maxInFlight;
    this.idleTimeout = b.idleTimeout;
    this.requestTimeout = b.requestTimeout;
    this.checks = List.copyOf(b.checks);
    this.application = b.application;
    this.adminToken = b.adminToken;
    this.health = b.health;
    this.environment = b.environment;
    this.environmentEnabled = b.environmentEnabled;
    this.drainDelay = b.drainDelay;
    this.graceTimeout = b.graceTimeout;
    this.loopbackOnly = b.loopbackOnly;
    this.consul = b.consul;
    this.heartbeatPath = b.heartbeatPath;
    this.webhooks = List.copyOf(b.webhooks);
  }

  /** The parsed values, gathered before the config is built. */
  private static final class Builder {
    String host;
    int port;
    int maxInFlight;
    long idleTimeout;
    long requestTimeout;
    List<CheckDefinition> checks;
    ApplicationOptions application;
    String adminToken;
    HealthHandlerOptions health;
    EnvironmentOptions environment;
    boolean environmentEnabled;
    long drainDelay;
    long graceTimeout;
    boolean loopbackOnly;
    ConsulMaintenanceOptions consul;
    String heartbeatPath;
    List<WebhookOptions> webhooks;
  }

  /**
   * @param config      the verticle's config
   * @param environment the process environment, whose {@value #ENV_HOST} and {@value #ENV_PORT} win over the
   *                    config
   * @return the validated config
   * @throws IllegalArgumentException naming the field when anything is invalid
   */
  public static StandaloneConfig parse(JsonObject config, Map<String, String> environment) {
    ConfigObject root = new ConfigObject(config, "");
    root.allowOnly(Set.of("http", "checks", "application", "admin", "health", "environment", "shutdown",
      "consul", "heartbeat", "notifications"));
    ConfigObject http = root.optionalObject("http");
    http.allowOnly(Set.of("host", "port", "maxInFlight", "idleTimeout", "requestTimeout"));
    Builder b = new Builder();
    String host = http.optionalString("host", DEFAULT_HOST);
    int port = http.optionalInt("port", 0, 65535, DEFAULT_PORT);
    b.maxInFlight = http.optionalInt("maxInFlight", 1, Integer.MAX_VALUE, DEFAULT_MAX_IN_FLIGHT);
    b.idleTimeout = http.has("idleTimeout")
      ? Durations.toMillis(http.value("idleTimeout"), http.path("idleTimeout")) : DEFAULT_IDLE_TIMEOUT;
    b.requestTimeout = http.has("requestTimeout")
      ? Durations.toMillis(http.value("requestTimeout"), http.path("requestTimeout")) : DEFAULT_REQUEST_TIMEOUT;
    JsonArray entries = root.optionalArray("checks");
    b.checks = parseChecks(entries == null ? DEFAULT_CHECKS : entries);
    b.application = nested(root, "application", ApplicationOptions::new);
    ConfigObject admin = root.optionalObject("admin");
    admin.allowOnly(Set.of("token"));
    b.adminToken = environment.getOrDefault(ENV_ADMIN_TOKEN, admin.optionalString("token", null));
    if (b.adminToken != null && b.adminToken.isBlank()) {
      throw new IllegalArgumentException(ENV_ADMIN_TOKEN + ": must not be blank");
    }
    b.health = nested(root, "health", HealthHandlerOptions::new);
    b.health.setApplication(b.application);
    ConfigObject env = root.optionalObject("environment");
    JsonObject envOptions = env.json().copy();
    Object enabled = envOptions.remove("enabled");
    if (enabled != null && !(enabled instanceof Boolean)) {
      throw env.invalid("enabled", "expected true or false, got '" + enabled + "'");
    }
    b.environmentEnabled = enabled == null || (Boolean) enabled;
    b.environment = nested(new ConfigObject(new JsonObject().put("environment", envOptions), ""), "environment",
      EnvironmentOptions::new).setConfig(SecretFields.mask(config)).setApplication(b.application);
    ConfigObject shutdown = root.optionalObject("shutdown");
    shutdown.allowOnly(Set.of("drainDelay", "graceTimeout"));
    b.drainDelay = shutdown.has("drainDelay")
      ? Durations.toMillis(shutdown.value("drainDelay"), shutdown.path("drainDelay")) : DEFAULT_DRAIN_DELAY;
    b.graceTimeout = shutdown.has("graceTimeout")
      ? Durations.toMillis(shutdown.value("graceTimeout"), shutdown.path("graceTimeout")) : DEFAULT_GRACE_TIMEOUT;

    String envHost = environment.get(ENV_HOST);
    if (envHost != null) {
      if (envHost.isBlank()) {
        throw new IllegalArgumentException(ENV_HOST + ": expected a host name or address, got '" + envHost + "'");
      }
      host = envHost;
    }
    String envPort = environment.get(ENV_PORT);
    if (envPort != null) {
      port = parsePort(envPort);
    }
    ConfigObject heartbeat = root.optionalObject("heartbeat");
    heartbeat.allowOnly(Set.of("path"));
    b.heartbeatPath = heartbeat.optionalString("path", DEFAULT_HEARTBEAT_PATH);
    if (!b.heartbeatPath.startsWith("/") || b.heartbeatPath.endsWith("/") || b.heartbeatPath.contains("*")) {
      throw heartbeat.invalid("path", "expected a path like /health/heartbeat, got '" + b.heartbeatPath + "'");
    }
    ConfigObject notifications = root.optionalObject("notifications");
    notifications.allowOnly(Set.of("webhooks"));
    JsonArray hooks = notifications.optionalArray("webhooks");
    b.webhooks = new ArrayList<>();
    for (int i = 0; hooks != null && i < hooks.size(); i++) {
      String path = notifications.path("webhooks") + "[" + i + "]";
      if (!(hooks.getValue(i) instanceof JsonObject)) {
        throw new IllegalArgumentException(path + ": expected an object, got '" + hooks.getValue(i) + "'");
      }
      try {
        b.webhooks.add(new WebhookOptions(hooks.getJsonObject(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path + "." + e.getMessage(), e);
      }
    }
    if (root.has("consul") || environment.containsKey(ENV_CONSUL_ADDR)) {
      // The Consul CLI's environment variables first, then the config's own values over them.
      JsonObject consul = ConsulMaintenanceOptions.fromEnvironment(environment).toJson()
        .mergeIn(root.optionalObject("consul").json());
      b.consul = new ConsulMaintenanceOptions(consul);
      for (int i = 0; i < b.checks.size(); i++) {
        if (b.checks.get(i).options().getName().equals(CONSUL_CHECK)) {
          throw new IllegalArgumentException("checks[" + i + "].name: '" + CONSUL_CHECK
            + "' is the Consul agent check's name when maintenance lives in Consul");
        }
      }
    }
    b.host = host;
    b.port = port;
    b.loopbackOnly = isLoopback(host);
    if (b.environmentEnabled && b.adminToken == null && !b.loopbackOnly) {
      throw new IllegalArgumentException("environment.enabled: the environment dump would be served on " + host
        + ", which is not a loopback address, without a token; set admin.token (or " + ENV_ADMIN_TOKEN
        + "), or environment.enabled to false");
    }
    return new StandaloneConfig(b);
  }

  /** Reads an options object with its own JSON constructor, giving its errors the object's path. */
  private static <T> T nested(ConfigObject root, String key, java.util.function.Function<JsonObject, T> reader) {
    ConfigObject object = root.optionalObject(key);
    try {
      return reader.apply(object.json());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(object.path() + "." + e.getMessage(), e);
    }
  }

  /** Whether the address to listen on is a loopback one; a name is resolved (once, at start-up). */
  private static boolean isLoopback(String host) {
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below like an out-of-range port
    }
    throw new IllegalArgumentException(ENV_PORT + ": expected an integer from 0 to 65535, got '" + value + "'");
  }

  private static List<CheckDefinition> parseChecks(JsonArray entries) {
    List<CheckDefinition> checks = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "checks[" + i + "]";
      Object value = entries.getValue(i);
      if (!(value instanceof JsonObject)) {
        throw new IllegalArgumentException(path + ": expected an object, got '" + value + "'");
      }
      CheckDefinition check = parseCheck(new ConfigObject((JsonObject) value, path));
      requireDistinct(check.options().getName(), checks, path);
      checks.add(check);
    }
    return checks;
  }

  private static CheckDefinition parseCheck(ConfigObject entry) {
    // CheckOptions accepts a missing name (it can be set later); a configured check needs one.
    entry.requiredString("name");
    String typeName = entry.requiredString("type");
    CheckType type = TYPES.stream().filter(t -> t.name().equals(typeName)).findFirst()
      .orElseThrow(() -> entry.invalid("type", "unknown type '" + typeName + "', expected one of "
        + TYPES.stream().map(CheckType::name).collect(Collectors.joining(", "))));
    Set<String> fields = new HashSet<>(COMMON_FIELDS);
    fields.addAll(type.fields());
    entry.allowOnly(fields);
    CheckOptions options;
    try {
      options = new CheckOptions(entry.json());
    } catch (IllegalArgumentException e) {
      // CheckOptions names the field relative to the entry ("timeout: ..."): give its full path.
      throw new IllegalArgumentException(entry.path() + "." + e.getMessage(), e);
    }
    return type.parser().apply(entry, options);
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

  /** @return the address to listen on */
  public String host() {
    return host;
  }

  /** @return the port to listen on; 0 means any free port */
  public int port() {
    return port;
  }

  /** @return the checks to register, in config order; unmodifiable */
  public List<CheckDefinition> checks() {
    return checks;
  }

  /** @return requests served at once before answering 503 with {@code Retry-After} */
  public int maxInFlight() {
    return maxInFlight;
  }

  /** @return how long a connection may stay without a byte read or written before it is closed, in ms; 0: forever */
  public long idleTimeout() {
    return idleTimeout;
  }

  /** @return how long a request's body may take to arrive after its headers, in ms; 0: forever */
  public long requestTimeout() {
    return requestTimeout;
  }

  /** @return the application's name and version as configured (unset values fall back to the manifest) */
  public ApplicationOptions application() {
    return application;
  }

  /** @return the admin bearer token ({@code VITALS_ADMIN_TOKEN} over {@code admin.token}), or {@code null} */
  public String adminToken() {
    return adminToken;
  }

  /** @return the health handler's options: probes, codes, detail, with the application set */
  public HealthHandlerOptions health() {
    return health;
  }

  /** @return whether {@code /environment} is served */
  public boolean environmentEnabled() {
    return environmentEnabled;
  }

  /** @return the environment dump's options, with this config as its {@code config} section */
  public EnvironmentOptions environment() {
    return environment;
  }

  /** @return whether the server listens on a loopback address only */
  public boolean loopbackOnly() {
    return loopbackOnly;
  }

  /** @return where passive checks' reports are POSTed: {@code <path>/<name>} */
  public String heartbeatPath() {
    return heartbeatPath;
  }

  /** @return the webhooks status changes are POSTed to */
  public List<WebhookOptions> webhooks() {
    return webhooks;
  }

  /** @return where maintenance lives in Consul, or {@code null} when it is local */
  public ConsulMaintenanceOptions consul() {
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

  private record CheckType(String name, Set<String> fields,
                           BiFunction<ConfigObject, CheckOptions, CheckDefinition> parser) {
  }
}
