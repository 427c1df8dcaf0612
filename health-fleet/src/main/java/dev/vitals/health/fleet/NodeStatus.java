package dev.vitals.health.fleet;

import dev.vitals.health.HealthStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one instance reports of itself to the fleet at one moment. Immutable.
 *
 * <p>JSON form, as {@link ClusterFleet} publishes it on the event bus ({@code <address>.status}):
 * <pre>{@code
 * {"node": "6f1c…", "application": "orders", "instance": "host-a:8080", "outcome": "fail", "ready": false,
 *  "probes": {"health": "fail", "live": "pass", "ready": "fail"},
 *  "failing": [{"name": "db", "status": "fail", "output": "Connection refused"}],
 *  "maintenance": false, "reason": null, "at": "2026-12-01T10:15:30.123Z"}
 * }</pre>
 * {@code outcome} and the probes' statuses are the wire names {@code pass}, {@code warn}, {@code fail}
 * ({@link HealthStatus}); {@code at} is ISO 8601 by the reporting instance's clock. Sizes are bounded so that one
 * message stays small whatever the instance runs: at most {@value #MAX_PROBES} probes, {@value #MAX_FAILING}
 * failing checks (the most severe first; {@code failingCount} gives how many there are), outputs and reasons cut
 * at {@value #MAX_TEXT} characters, names at {@value #MAX_NAME}.
 */
public final class NodeStatus {

  /** The most probes a status holds: 16. */
  public static final int MAX_PROBES = 16;
  /** The most failing checks a status lists: 32. */
  public static final int MAX_FAILING = 32;
  /** The longest output or reason kept, in characters: 1024. */
  public static final int MAX_TEXT = 1024;
  /** The longest node, application, instance, probe or check name kept, in characters: 256. */
  public static final int MAX_NAME = 256;

  /** One failing (or warning) check: its name, status and output. */
  public record Failing(String name, HealthStatus status, String output) {
    /**
     * @param name   the check's name
     * @param status {@code fail} or {@code warn}
     * @param output what it said, may be empty; cut at {@value NodeStatus#MAX_TEXT} characters
     */
    public Failing {
      name = cut(Objects.requireNonNull(name, "name"), MAX_NAME);
      Objects.requireNonNull(status, "status");
      output = output == null ? "" : cut(output, MAX_TEXT);
    }

    /** @return {@code {"name", "status", "output"}} */
    public JsonObject toJson() {
      return new JsonObject().put("name", name).put("status", status.wireName()).put("output", output);
    }
  }

  private final String node;
  private final String application;
  private final String instance;
  private final HealthStatus outcome;
  private final boolean ready;
  private final Map<String, HealthStatus> probes;
  private final List<Failing> failing;
  private final int failingCount;
  private final boolean maintenance;
  private final String reason;
  private final Instant at;

  /**
   * @param node         the node's id in the fleet's engine (the cluster manager's node id, the Consul node name),
   *                     not blank
   * @param application  the application's name, may be empty
   * @param instance     how people name this instance ({@code host:port} or a service id), may be empty
   * @param outcome      the overall status of its checks
   * @param ready        whether its readiness probe passes (not in maintenance, not draining)
   * @param probes       each probe's status by probe name; the first {@value #MAX_PROBES} are kept
   * @param failing      its failing and warning checks; the first {@value #MAX_FAILING} are kept
   * @param maintenance  whether it is in maintenance
   * @param reason       the maintenance reason, or {@code null}
   * @param at           when it reported this, by its own clock
   * @throws IllegalArgumentException when {@code node} is blank
   */
  public NodeStatus(String node, String application, String instance, HealthStatus outcome, boolean ready,
                    Map<String, HealthStatus> probes, List<Failing> failing, boolean maintenance, String reason,
                    Instant at) {
    if (node == null || node.isBlank()) {
      throw new IllegalArgumentException("node: must not be blank");
    }
    this.node = cut(node, MAX_NAME);
    this.application = application == null ? "" : cut(application, MAX_NAME);
    this.instance = instance == null ? "" : cut(instance, MAX_NAME);
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.ready = ready;
    Map<String, HealthStatus> kept = new LinkedHashMap<>();
    for (Map.Entry<String, HealthStatus> probe : probes.entrySet()) {
      if (kept.size() == MAX_PROBES) {
        break;
      }
      kept.put(cut(probe.getKey(), MAX_NAME), Objects.requireNonNull(probe.getValue(), "probe status"));
    }
    this.probes = Collections.unmodifiableMap(kept);
    this.failingCount = failing.size();
    this.failing = List.copyOf(failing.subList(0, Math.min(MAX_FAILING, failing.size())));
    this.maintenance = maintenance;
    this.reason = reason == null ? null : cut(reason, MAX_TEXT);
    this.at = Objects.requireNonNull(at, "at");
  }

  private NodeStatus(NodeStatus copy, int failingCount) {
    this.node = copy.node;
    this.application = copy.application;
    this.instance = copy.instance;
    this.outcome = copy.outcome;
    this.ready = copy.ready;
    this.probes = copy.probes;
    this.failing = copy.failing;
    this.failingCount = Math.max(failingCount, copy.failing.size());
    this.maintenance = copy.maintenance;
    this.reason = copy.reason;
    this.at = copy.at;
  }

  /**
   * Reads the JSON form (what another instance published).
   *
   * @param json the JSON form described on this class
   * @return the status
   * @throws IllegalArgumentException naming the field when a field is missing or of the wrong type
   */
  public static NodeStatus fromJson(JsonObject json) {
    Objects.requireNonNull(json, "json");
    Map<String, HealthStatus> probes = new LinkedHashMap<>();
    JsonObject probeJson = value(json, "probes", JsonObject.class, new JsonObject());
    for (String name : probeJson.fieldNames()) {
      if (probes.size() == MAX_PROBES) {
        break;
      }
      probes.put(name, status(value(probeJson, name, String.class, null), "probes." + name));
    }
    List<Failing> failing = new ArrayList<>();
    JsonArray failingJson = value(json, "failing", JsonArray.class, new JsonArray());
    for (int i = 0; i < failingJson.size() && failing.size() < MAX_FAILING; i++) {
      if (!(failingJson.getValue(i) instanceof JsonObject check)) {
        throw new IllegalArgumentException("failing/" + i + ": expected an object");
      }
      failing.add(new Failing(required(check, "name"), status(value(check, "status", String.class, "fail"),
        "failing/" + i + "/status"), value(check, "output", String.class, "")));
    }
    Instant at;
    try {
      at = Instant.parse(required(json, "at"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("at: expected an ISO 8601 instant, got '" + json.getValue("at") + "'");
    }
    Number count = value(json, "failingCount", Number.class, failing.size());
    return new NodeStatus(required(json, "node"), value(json, "application", String.class, ""),
      value(json, "instance", String.class, ""), status(required(json, "outcome"), "outcome"),
      value(json, "ready", Boolean.class, false), probes, failing, value(json, "maintenance", Boolean.class, false),
      value(json, "reason", String.class, null), at).withFailingCount(count.intValue());
  }

  /**
   * @param count how many checks fail or warn, when {@link #failing()} names fewer of them (or none, for an
   *              instance that does not name its checks)
   * @return this status with that {@code failingCount} (never below the number of checks listed)
   */
  public NodeStatus withFailingCount(int count) {
    return count == failingCount ? this : new NodeStatus(this, count);
  }

  private static String required(JsonObject json, String field) {
    String value = value(json, field, String.class, null);
    if (value == null) {
      throw new IllegalArgumentException(field + ": missing");
    }
    return value;
  }

  private static <T> T value(JsonObject json, String field, Class<T> type, T absent) {
    Object value = json.getValue(field);
    if (value == null) {
      return absent;
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(field + ": expected " + type.getSimpleName() + ", got '" + value + "'");
    }
    return type.cast(value);
  }

  private static HealthStatus status(String value, String field) {
    try {
      return HealthStatus.fromWireName(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage());
    }
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** @return the JSON form described on this class */
  public JsonObject toJson() {
    JsonObject probeJson = new JsonObject();
    probes.forEach((name, status) -> probeJson.put(name, status.wireName()));
    JsonArray failingJson = new JsonArray();
    failing.forEach(check -> failingJson.add(check.toJson()));
    return new JsonObject().put("node", node).put("application", application).put("instance", instance)
      .put("outcome", outcome.wireName()).put("ready", ready).put("probes", probeJson).put("failing", failingJson)
      .put("failingCount", failingCount).put("maintenance", maintenance).put("reason", reason)
      .put("at", at.toString());
  }

  /** @return the node's id in the fleet's engine */
  public String node() {
    return node;
  }

  /** @return the application's name, may be empty */
  public String application() {
    return application;
  }

  /** @return how people name this instance, may be empty */
  public String instance() {
    return instance;
  }

  /** @return the overall status of its checks */
  public HealthStatus outcome() {
    return outcome;
  }

  /** @return whether its readiness probe passes */
  public boolean ready() {
    return ready;
  }

  /** @return each probe's status by probe name, unmodifiable */
  public Map<String, HealthStatus> probes() {
    return probes;
  }

  /** @return its failing and warning checks, at most {@value #MAX_FAILING} */
  public List<Failing> failing() {
    return failing;
  }

  /** @return how many checks fail or warn, also those beyond {@link #failing()} */
  public int failingCount() {
    return failingCount;
  }

  /** @return whether it is in maintenance */
  public boolean maintenance() {
    return maintenance;
  }

  /** @return the maintenance reason, or {@code null} */
  public String reason() {
    return reason;
  }

  /** @return when it reported this, by its own clock */
  public Instant at() {
    return at;
  }

  /**
   * @param other another status
   * @return whether the two say the same, apart from {@code at}
   */
  public boolean sameAs(NodeStatus other) {
    return other != null && node.equals(other.node) && application.equals(other.application)
      && instance.equals(other.instance) && outcome == other.outcome && ready == other.ready
      && probes.equals(other.probes) && failing.equals(other.failing) && failingCount == other.failingCount
      && maintenance == other.maintenance && Objects.equals(reason, other.reason);
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
