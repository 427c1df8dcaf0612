package dev.vitals.health.web;

import dev.vitals.health.ApplicationOptions;
import io.vertx.core.json.JsonObject;

import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Options of a {@link HealthHandler}: the host name and application shown in the bodies, and the paths it
 * serves. JSON form (every field optional; the standalone config's {@code health} object):
 * <pre>{@code
 * {"hostname": "web-1",
 *  "application": {"name": "orders", "version": "1.4.2"},
 *  "probes": {"health":  {...},     // the overall path: every check
 *             "live":    {...},     // include ["liveness"]
 *             "ready":   {...},     // include ["readiness"], readiness true
 *             "started": {...}}}    // include ["startup"], latch true
 * }</pre>
 * Each probe object is {@link ProbeOptions}' JSON form, read over that probe's defaults; further names add
 * paths ({@code "deep": {"include": ["deep"]}} serves {@code /health/deep}).
 */
public class HealthHandlerOptions {

  /** The overall path, the mount point itself. */
  public static final String HEALTH = "health";
  /** The liveness probe: {@code <mount>/live}, checks tagged {@code liveness}. */
  public static final String LIVE = "live";
  /** The readiness probe: {@code <mount>/ready}, checks tagged {@code readiness}, maintenance and drain. */
  public static final String READY = "ready";
  /** The startup probe: {@code <mount>/started}, checks tagged {@code startup}, latched once passed. */
  public static final String STARTED = "started";

  private String hostname;
  private ApplicationOptions application = new ApplicationOptions();
  private final Map<String, ProbeOptions> probes = new LinkedHashMap<>();

  /** The four default paths; the host name is this machine's. */
  public HealthHandlerOptions() {
    probes.put(HEALTH, new ProbeOptions());
    probes.put(LIVE, new ProbeOptions().setInclude(Set.of("liveness")));
    probes.put(READY, new ProbeOptions().setInclude(Set.of("readiness")).setReadiness(true));
    probes.put(STARTED, new ProbeOptions().setInclude(Set.of("startup")).setLatch(true));
  }

  /** @param other options to copy */
  public HealthHandlerOptions(HealthHandlerOptions other) {
    this.hostname = other.hostname;
    this.application = new ApplicationOptions(other.application);
    other.probes.forEach((name, probe) -> probes.put(name, new ProbeOptions(probe)));
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field ({@code probes.ready.statusCodes.fail: ...}) when a value
   *                                  is invalid
   */
  public HealthHandlerOptions(JsonObject json) {
    this();
    for (String field : json.fieldNames()) {
      Object value = json.getValue(field);
      switch (field) {
        case "hostname":
          if (!(value instanceof String) || ((String) value).isBlank()) {
            throw new IllegalArgumentException("hostname: expected a non-empty string, got '" + value + "'");
          }
          setHostname((String) value);
          break;
        case "application":
          if (!(value instanceof JsonObject)) {
            throw new IllegalArgumentException("application: expected an object, got '" + value + "'");
          }
          try {
            application = new ApplicationOptions((JsonObject) value);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("application." + e.getMessage(), e);
          }
          break;
        case "probes":
          if (!(value instanceof JsonObject)) {
            throw new IllegalArgumentException("probes: expected an object, got '" + value + "'");
          }
          for (Map.Entry<String, Object> probe : (JsonObject) value) {
            String path = "probes." + probe.getKey();
            if (!(probe.getValue() instanceof JsonObject)) {
              throw new IllegalArgumentException(path + ": expected an object, got '" + probe.getValue() + "'");
            }
            if (probe.getKey().isBlank() || probe.getKey().contains("/")) {
              throw new IllegalArgumentException(path + ": a probe name is one path segment");
            }
            getProbe(probe.getKey()).merge((JsonObject) probe.getValue(), path);
          }
          break;
        default:
          throw new IllegalArgumentException(field + ": unknown field, expected hostname, application or probes");
      }
    }
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject probesJson = new JsonObject();
    probes.forEach((name, probe) -> probesJson.put(name, probe.toJson()));
    JsonObject json = new JsonObject().put("application", application.toJson()).put("probes", probesJson);
    if (hostname != null) {
      json.put("hostname", hostname);
    }
    return json;
  }

  /**
   * @return the host name shown in the body; when not set, this machine's name (looked up on each call, falling
   * back to the {@code HOSTNAME} environment variable, then {@code localhost})
   */
  public String getHostname() {
    if (hostname != null) {
      return hostname;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "localhost" : env;
    }
  }

  /**
   * @param hostname the host name shown in the body
   * @return this
   */
  public HealthHandlerOptions setHostname(String hostname) {
    this.hostname = Objects.requireNonNull(hostname, "hostname");
    return this;
  }

  /** @return the application shown by the health+json format */
  public ApplicationOptions getApplication() {
    return application;
  }

  /**
   * @param application the application shown by the health+json format
   * @return this
   */
  public HealthHandlerOptions setApplication(ApplicationOptions application) {
    this.application = Objects.requireNonNull(application, "application");
    return this;
  }

  /**
   * The options of one path, created with the overall path's defaults when the name is new.
   *
   * @param name {@link #HEALTH}, {@link #LIVE}, {@link #READY}, {@link #STARTED} or a further path segment
   * @return the path's options, to change in place
   */
  public ProbeOptions getProbe(String name) {
    return probes.computeIfAbsent(Objects.requireNonNull(name, "name"), n -> new ProbeOptions());
  }

  /** @return every path's options by name, unmodifiable */
  public Map<String, ProbeOptions> getProbes() {
    return Collections.unmodifiableMap(probes);
  }
}
