package dev.vitals.samples.impl;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Config keys set by environment variables and system properties, which win over the config file in that order
 * (file, then environment, then {@code -D}). A name is the key's path, its segments joined by {@code _} after
 * {@code VITALS_} (case-insensitive: {@code VITALS_HTTP_PORT}, {@code VITALS_HTTP_MAXINFLIGHT} or
 * {@code VITALS_HTTP_MAX_IN_FLIGHT}) or by {@code .} after {@code vitals.} ({@code -Dvitals.http.port=8081},
 * {@code -Dvitals.shutdown.drainDelay=1s}). The value, a string, is read as the type the schema gives the key:
 * an integer, a boolean ({@code true}/{@code false}), a duration or size (digits are milliseconds or bytes,
 * anything else the string form), a JSON array or object ({@code VITALS_CHECKS='[...]'}).
 */
public final class ConfigOverrides {

  /** Prefix of the environment variables read. */
  public static final String ENV_PREFIX = "VITALS_";
  /** Prefix of the system properties read. */
  public static final String SYS_PREFIX = "vitals.";

  private ConfigOverrides() {
  }

  /**
   * @param environment the process environment
   * @param properties  the system properties
   * @return the keys they set, as a config object (environment first, properties over it)
   * @throws IllegalArgumentException {@code "<variable>: ..."} when a name is no config key or a value does not
   *                                  read as the key's type
   */
  public static JsonObject of(Map<String, String> environment, Map<String, String> properties) {
    JsonObject overrides = new JsonObject();
    new TreeMap<>(environment).forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX)) {
        put(overrides, name, Arrays.asList(name.substring(ENV_PREFIX.length()).split("_")), value);
      }
    });
    new TreeMap<>(properties).forEach((name, value) -> {
      if (name.startsWith(SYS_PREFIX)) {
        put(overrides, name, Arrays.asList(name.substring(SYS_PREFIX.length()).split("\\.")), value);
      }
    });
    return overrides;
  }

  /** @return the {@code vitals.*} system properties, as a map */
  public static Map<String, String> systemProperties() {
    Map<String, String> properties = new TreeMap<>();
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(SYS_PREFIX))
      .forEach(name -> properties.put(name, System.getProperty(name)));
    return properties;
  }

  private static void put(JsonObject overrides, String name, List<String> segments, String value) {
    List<String> path = new ArrayList<>();
    JsonObject schema = ConfigSchema.property(path);
    int i = 0;
    while (i < segments.size()) {
      // The longest run of segments naming a key of this object: MAX_IN_FLIGHT is maxInFlight.
      String key = null;
      int next = -1;
      for (int end = segments.size(); end > i && key == null; end--) {
        String joined = String.join("", segments.subList(i, end));
        key = ConfigSchema.names(schema).stream().filter(k -> k.equalsIgnoreCase(joined)).findFirst().orElse(null);
        next = end;
      }
      if (key == null && schema.getValue("additionalProperties") instanceof JsonObject) {
        // A map such as health.probes: its keys are the user's (lower case from an environment variable).
        key = name.startsWith(ENV_PREFIX) ? segments.get(i).toLowerCase(Locale.ROOT) : segments.get(i);
        next = i + 1;
      }
      if (key == null || segments.get(i).isEmpty()) {
        throw new IllegalArgumentException(name + ": names no config key (docs/configuration.md)");
      }
      path.add(key);
      schema = ConfigSchema.property(path);
      if (schema == null) {
        throw new IllegalArgumentException(name + ": names no config key (docs/configuration.md)");
      }
      i = next;
    }
    JsonObject parent = overrides;
    for (String key : path.subList(0, path.size() - 1)) {
      if (!(parent.getValue(key) instanceof JsonObject)) {
        parent.put(key, new JsonObject());
      }
      parent = parent.getJsonObject(key);
    }
    parent.put(path.get(path.size() - 1), read(name, value, schema));
  }

  /** Reads a string as the type the schema gives: integer, number, boolean, array, object, else string. */
  private static Object read(String name, String value, JsonObject schema) {
    Object type = schema.getValue("type");
    List<?> types = type instanceof JsonArray ? ((JsonArray) type).getList() : type == null ? List.of() : List.of(type);
    String trimmed = value.trim();
    try {
      if (types.contains("integer") && (types.size() == 1 || trimmed.matches("\\d+"))) {
        return Long.parseLong(trimmed);
      }
      if (types.contains("number")) {
        return Double.parseDouble(trimmed);
      }
      if (types.contains("boolean")) {
        if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(trimmed);
        }
        throw new IllegalArgumentException(name + ": expected true or false, got '" + value + "'");
      }
      if (types.contains("array")) {
        return new JsonArray(trimmed);
      }
      if (types.contains("object")) {
        return new JsonObject(trimmed);
      }
    } catch (NumberFormatException | DecodeException e) {
      throw new IllegalArgumentException(name + ": expected " + (types.size() == 1 ? "" : "one of ")
        + types.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("a value")
        + ", got '" + value + "'");
    }
    return value;
  }
}
