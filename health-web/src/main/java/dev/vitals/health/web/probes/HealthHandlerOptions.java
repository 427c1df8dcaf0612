package dev.vitals.health.web.probes;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

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
@DataObject
@JsonGen(publicConverter = false)
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

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .text("hostname").defaultShown("this machine's name").describe("shown in the `vitals` body")
    .object("application", ApplicationOptions::new, ApplicationOptions::schema)
    .describe("the application shown by the health+json format")
    .objectMap("probes", ProbeOptions::new, ProbeOptions::schema)
    .describe("the paths served, by name: `health`, `live`, `ready`, `started`; a new name adds a path");

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
   * @param json the JSON form; each probe object is read over that probe's defaults
   * @throws IllegalArgumentException naming the field ({@code probes.ready.statusCodes.fail: ...}) when a key is
   *                                  unknown or a value is invalid
   */
  public HealthHandlerOptions(JsonObject json) {
    this();
    HealthHandlerOptionsConverter.fromJson(FORM.read(overDefaults(json)), this);
  }

  /** The JSON form with each probe object merged over the probe's defaults (a new name: the overall path's). */
  private JsonObject overDefaults(JsonObject json) {
    if (!(json.getValue("probes") instanceof JsonObject)) {
      return json;
    }
    JsonObject merged = new JsonObject();
    json.getJsonObject("probes").forEach(probe -> merged.put(probe.getKey(), probe.getValue() instanceof JsonObject
      ? getProbe(probe.getKey()).toJson().mergeIn((JsonObject) probe.getValue(), true) : probe.getValue()));
    return json.copy().put("probes", merged);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new HealthHandlerOptions().toJson());
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    HealthHandlerOptionsConverter.toJson(this, json);
    return json;
  }

  /**
   * @return the host name shown in the body, or {@code null} (the default) for this machine's name, looked up when
   * a handler is created
   */
  public String getHostname() {
    return hostname;
  }

  /**
   * @param hostname the host name shown in the body
   * @return this
   * @throws IllegalArgumentException when blank
   */
  public HealthHandlerOptions setHostname(String hostname) {
    if (Objects.requireNonNull(hostname, "hostname").isBlank()) {
      throw new IllegalArgumentException("hostname: expected a non-empty string, got '" + hostname + "'");
    }
    this.hostname = hostname;
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
   * @param name  a path segment: {@link #HEALTH}, {@link #LIVE}, {@link #READY}, {@link #STARTED} or a further one
   * @param probe the path's options, replacing any set before under that name
   * @return this
   * @throws IllegalArgumentException {@code probes.<name>: ...} when the name is not one path segment
   */
  public HealthHandlerOptions addProbe(String name, ProbeOptions probe) {
    probes.put(probeName(name), Objects.requireNonNull(probe, "probe"));
    return this;
  }

  private static String probeName(String name) {
    if (Objects.requireNonNull(name, "name").isBlank() || name.contains("/")) {
      throw new IllegalArgumentException("probes." + name + ": a probe name is one path segment");
    }
    return name;
  }

  /**
   * The options of one path, created with the overall path's defaults when the name is new.
   *
   * @param name {@link #HEALTH}, {@link #LIVE}, {@link #READY}, {@link #STARTED} or a further path segment
   * @return the path's options, to change in place
   * @throws IllegalArgumentException {@code probes.<name>: ...} when the name is not one path segment
   */
  public ProbeOptions getProbe(String name) {
    return probes.computeIfAbsent(probeName(name), n -> new ProbeOptions());
  }

  /** @return every path's options by name, unmodifiable */
  public Map<String, ProbeOptions> getProbes() {
    return Collections.unmodifiableMap(probes);
  }
}
