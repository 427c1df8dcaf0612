package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
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

  /** Fields every check entry may have: its type and what {@link CheckOptions#CheckOptions(JsonObject)} reads. */
  private static final Set<String> COMMON_FIELDS = Set.of("name", "type", "timeout", "successTtl", "failureTtl",
    "maxStale", "refreshPeriod", "critical", "tags");

  private static final List<CheckType> TYPES = List.of(
    new CheckType("http", HttpCheckDefinition.FIELDS, HttpCheckDefinition::parse),
    new CheckType("tcp", TcpCheckDefinition.FIELDS, TcpCheckDefinition::parse),
    new CheckType("disk-space", DiskSpaceCheckDefinition.FIELDS, DiskSpaceCheckDefinition::parse),
    new CheckType("heap", HeapCheckDefinition.FIELDS, HeapCheckDefinition::parse),
    new CheckType("event-loop", EventLoopCheckDefinition.FIELDS, EventLoopCheckDefinition::parse));

  /** The checks of a config without a {@code checks} field: the machine the verticle runs on. */
  private static final JsonArray DEFAULT_CHECKS = new JsonArray()
    .add(new JsonObject().put("name", "disk-space").put("type", "disk-space"))
    .add(new JsonObject().put("name", "heap").put("type", "heap"))
    .add(new JsonObject().put("name", "event-loop").put("type", "event-loop"));

  private final String host;
  private final int port;
  private final List<CheckDefinition> checks;

  private StandaloneConfig(String host, int port, List<CheckDefinition> checks) {
    this.host = host;
    this.port = port;
    this.checks = List.copyOf(checks);
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
    root.allowOnly(Set.of("http", "checks"));
    ConfigObject http = root.optionalObject("http");
    http.allowOnly(Set.of("host", "port"));
    String host = http.optionalString("host", DEFAULT_HOST);
    int port = http.optionalInt("port", 0, 65535, DEFAULT_PORT);
    JsonArray entries = root.optionalArray("checks");
    List<CheckDefinition> checks = parseChecks(entries == null ? DEFAULT_CHECKS : entries);

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
    return new StandaloneConfig(host, port, checks);
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

  private record CheckType(String name, Set<String> fields,
                           BiFunction<ConfigObject, CheckOptions, CheckDefinition> parser) {
  }
}
