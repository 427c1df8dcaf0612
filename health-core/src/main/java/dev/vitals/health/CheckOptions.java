package dev.vitals.health;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one check is run and cached. All durations are in milliseconds; in JSON they may also be written as
 * strings such as {@code "500ms"}, {@code "27s"} or {@code "5m"} (see {@link Durations}).
 *
 * <p>JSON form: {@code {"name": "db/primary", "timeout": "2s", "successTtl": "27s", "failureTtl": "9s",
 * "maxStale": "60s", "refreshPeriod": 0, "critical": true, "tags": ["readiness"], "failureThreshold": 1,
 * "successThreshold": 1, "dependsOn": ["db"], "slo": 99.9}}; every field but {@code name} is optional. The TTL defaults are py-healthcheck's; the
 * thresholds are Kubernetes probes' terms (how many consecutive failures fail a passing check, how many
 * consecutive passes recover a failing one), to damp flapping.
 */
@DataObject
@JsonGen(publicConverter = false)
public class CheckOptions {

  /** Default timeout of one run: 2000 ms. */
  public static final long DEFAULT_TIMEOUT = 2_000;
  /** Default time a passing (or warning) result is reused: 27000 ms, as py-healthcheck. */
  public static final long DEFAULT_SUCCESS_TTL = 27_000;
  /** Default time a failing result is reused: 9000 ms, as py-healthcheck. */
  public static final long DEFAULT_FAILURE_TTL = 9_000;
  /** Default time after expiry during which the expired result is served (marked stale) while it refreshes: 60000 ms. */
  public static final long DEFAULT_MAX_STALE = 60_000;
  /** Default refresh period: 0, meaning checks run on demand, not on a timer. */
  public static final long DEFAULT_REFRESH_PERIOD = 0;
  /** Default criticality: a failing check fails the whole report. */
  public static final boolean DEFAULT_CRITICAL = true;
  /** Default failure threshold: one failing run fails a passing check. */
  public static final int DEFAULT_FAILURE_THRESHOLD = 1;
  /** Default success threshold: one passing run recovers a failing check. */
  public static final int DEFAULT_SUCCESS_THRESHOLD = 1;

  private String name;
  private long timeout = DEFAULT_TIMEOUT;
  private long successTtl = DEFAULT_SUCCESS_TTL;
  private long failureTtl = DEFAULT_FAILURE_TTL;
  private long maxStale = DEFAULT_MAX_STALE;
  private long refreshPeriod = DEFAULT_REFRESH_PERIOD;
  private boolean critical = DEFAULT_CRITICAL;
  // Most checks have no tags, and every check's options are copied (by the registry, by its observers): the empty
  // set is shared, a set of their own comes with the first tag.
  private Set<String> tags = Set.of();
  private int failureThreshold = DEFAULT_FAILURE_THRESHOLD;
  private int successThreshold = DEFAULT_SUCCESS_THRESHOLD;
  private List<String> dependsOn = new ArrayList<>();
  private Double slo;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("").open()
    .string("name").constrain("minLength", 1).required()
    .describe("unique; `/` nests (`db/primary`)")
    .duration("timeout")
    .describe("one run's limit; reported failed after it (procedures registered embedded the vertx-health-check way,"
      + " `register(name, procedure)`, get its 1 s)")
    .duration("successTtl", "failureTtl")
    .describe("how long a passing (or warning) / failing result is reused; 0 disables caching")
    .duration("maxStale")
    .describe("after expiry, how long the old result is served (marked `stale`) while one refresh runs")
    .duration("refreshPeriod")
    .describe("refresh on a timer instead of on demand; 0: on demand")
    .bool("critical")
    .describe("a failing non-critical check makes the outcome of `/health`, the probes and its groups `warn` (still"
      + " 200); asked by its own name (`/health/<name>`, gRPC) it answers `fail` (503, `NOT_SERVING`)")
    .strings("tags")
    .describe("`liveness`, `readiness`, `startup`, or your own for `health.probes`")
    .integer("failureThreshold", "successThreshold").range(1, 1000)
    .describe("consecutive failing runs before a passing check fails; passes before a failing one recovers")
    .strings("dependsOn")
    .describe("names of checks this one needs: while one of them fails, this one is not run and fails with"
      + " `blocked by <name>: <its output>`; an unknown name or a cycle stops start-up")
    .number("slo").constrain("exclusiveMinimum", 0).constrain("exclusiveMaximum", 100)
    .describe("service level objective, percent of time available (`99.9`); `/health/history` then gives the error"
      + " budget left per window");

  /** Options with the defaults and no name. */
  public CheckOptions() {
  }

  /**
   * @param name the check's name; {@code /} separates groups ({@code db/primary})
   */
  public CheckOptions(String name) {
    setName(name);
  }

  /** @param other options to copy */
  public CheckOptions(CheckOptions other) {
    this.name = other.name;
    this.timeout = other.timeout;
    this.successTtl = other.successTtl;
    this.failureTtl = other.failureTtl;
    this.maxStale = other.maxStale;
    this.refreshPeriod = other.refreshPeriod;
    this.critical = other.critical;
    this.tags = other.tags.isEmpty() ? Set.of() : new LinkedHashSet<>(other.tags);
    this.failureThreshold = other.failureThreshold;
    this.successThreshold = other.successThreshold;
    this.dependsOn = new ArrayList<>(other.dependsOn);
    this.slo = other.slo;
  }

  /**
   * @param json the JSON form described on this class; keys it does not know are left to others (a check entry of
   *             the standalone config also holds its type's keys)
   * @throws IllegalArgumentException naming the field when a value has the wrong type or range
   */
  public CheckOptions(JsonObject json) {
    CheckOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new CheckOptions().toJson());
  }

  /** @return the JSON form described on this class, durations as integer milliseconds */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    CheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the check's name, or {@code null} when not set yet */
  public String getName() {
    return name;
  }

  /**
   * @param name the check's name: not empty, no empty segment between {@code /}
   * @return this
   * @throws IllegalArgumentException when the name is empty or has an empty segment
   */
  public CheckOptions setName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: must not be empty");
    }
    for (String segment : name.split("/", -1)) {
      if (segment.isBlank()) {
        throw new IllegalArgumentException("name: '" + name + "' has an empty segment");
      }
    }
    this.name = name;
    return this;
  }

  /** @return the time one run may take before it is reported failed, in ms */
  public long getTimeout() {
    return timeout;
  }

  /**
   * @param timeout the time one run may take, in ms, {@code > 0}
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  public CheckOptions setTimeout(long timeout) {
    if (timeout <= 0) {
      throw new IllegalArgumentException("timeout: must be positive, got " + timeout + " ms");
    }
    this.timeout = timeout;
    return this;
  }

  /** @return how long a passing or warning result is reused, in ms; 0 disables caching */
  public long getSuccessTtl() {
    return successTtl;
  }

  /**
   * @param successTtl how long a passing or warning result is reused, in ms, {@code >= 0}
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public CheckOptions setSuccessTtl(long successTtl) {
    this.successTtl = nonNegative(successTtl, "successTtl");
    return this;
  }

  /** @return how long a failing result is reused, in ms; 0 disables caching of failures */
  public long getFailureTtl() {
    return failureTtl;
  }

  /**
   * @param failureTtl how long a failing result is reused, in ms, {@code >= 0}
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public CheckOptions setFailureTtl(long failureTtl) {
    this.failureTtl = nonNegative(failureTtl, "failureTtl");
    return this;
  }

  /**
   * @return how long after expiry a result is still served, marked stale, while one refresh runs behind it,
   * in ms; after that, requests wait for the fresh run. 0 disables serve-stale.
   */
  public long getMaxStale() {
    return maxStale;
  }

  /**
   * @param maxStale the maximum staleness, in ms, {@code >= 0}
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public CheckOptions setMaxStale(long maxStale) {
    this.maxStale = nonNegative(maxStale, "maxStale");
    return this;
  }

  /**
   * @return the period of a timer that refreshes the check, in ms, so that requests never run it; 0 (the
   * default) means on-demand
   */
  public long getRefreshPeriod() {
    return refreshPeriod;
  }

  /**
   * @param refreshPeriod the refresh period in ms, {@code >= 0}; 0 means on-demand
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public CheckOptions setRefreshPeriod(long refreshPeriod) {
    this.refreshPeriod = nonNegative(refreshPeriod, "refreshPeriod");
    return this;
  }

  /** @return whether a failure of this check fails the overall status (else it only makes it {@code warn}) */
  public boolean isCritical() {
    return critical;
  }

  /**
   * @param critical whether a failure of this check fails the overall status
   * @return this
   */
  public CheckOptions setCritical(boolean critical) {
    this.critical = critical;
    return this;
  }

  /** @return the tags, such as {@code liveness}, {@code readiness}, {@code startup}; unmodifiable, never null */
  public Set<String> getTags() {
    return Collections.unmodifiableSet(tags);
  }

  /**
   * @param tags the tags, replacing any set before; none blank
   * @return this
   * @throws IllegalArgumentException when a tag is blank
   */
  public CheckOptions setTags(Set<String> tags) {
    Set<String> checked = new LinkedHashSet<>();
    for (String tag : Objects.requireNonNull(tags, "tags")) {
      checked.add(tag(tag));
    }
    this.tags = checked;
    return this;
  }

  /**
   * @param tag a tag to add, not blank
   * @return this
   * @throws IllegalArgumentException when the tag is blank
   */
  public CheckOptions addTag(String tag) {
    String checked = tag(tag);
    if (tags.isEmpty()) {
      tags = new LinkedHashSet<>();
    }
    tags.add(checked);
    return this;
  }

  private static String tag(String tag) {
    if (Objects.requireNonNull(tag, "tag").isBlank()) {
      throw new IllegalArgumentException("tags: expected non-empty strings, got '" + tag + "'");
    }
    return tag;
  }

  /** @return how many consecutive failing runs it takes to fail a passing check (damping flapping) */
  public int getFailureThreshold() {
    return failureThreshold;
  }

  /**
   * @param failureThreshold consecutive failing runs that fail a passing check, {@code >= 1}; until then the
   *                         check stays passing, its output saying which failure of how many it is
   * @return this
   * @throws IllegalArgumentException {@code <field>: expected an integer from 1 to 1000, got <n>}
   */
  public CheckOptions setFailureThreshold(int failureThreshold) {
    if (failureThreshold < 1 || failureThreshold > 1000) {
      throw new IllegalArgumentException("failureThreshold: expected an integer from 1 to 1000, got " + failureThreshold);
    }
    this.failureThreshold = failureThreshold;
    return this;
  }

  /** @return how many consecutive passing runs it takes to recover a failing check */
  public int getSuccessThreshold() {
    return successThreshold;
  }

  /**
   * @param successThreshold consecutive passing runs that recover a failing check, {@code >= 1}
   * @return this
   * @throws IllegalArgumentException {@code <field>: expected an integer from 1 to 1000, got <n>}
   */
  public CheckOptions setSuccessThreshold(int successThreshold) {
    if (successThreshold < 1 || successThreshold > 1000) {
      throw new IllegalArgumentException("successThreshold: expected an integer from 1 to 1000, got " + successThreshold);
    }
    this.successThreshold = successThreshold;
    return this;
  }

  /**
   * @return the names of the checks this one needs, in the order they are looked at; unmodifiable, never null
   */
  public List<String> getDependsOn() {
    return Collections.unmodifiableList(dependsOn);
  }

  /**
   * Names the checks this one needs. Before each run the registry gets their results (from their caches, running
   * them when they have none); when one of them fails, this check is not run and its result is {@code fail} with
   * the output {@code blocked by <name>: <that check's output>} and the data {@code {"blockedBy": ["<name>",
   * ...]}}, the chain of blocked checks down to the failing one. The registry rejects a name that is not
   * registered yet and a dependency that would close a cycle, naming them.
   *
   * @param dependsOn check names (not groups), none blank, replacing any set before
   * @return this
   * @throws IllegalArgumentException {@code dependsOn: ...} when a name is blank
   */
  public CheckOptions setDependsOn(List<String> dependsOn) {
    List<String> checked = new ArrayList<>();
    for (String name : Objects.requireNonNull(dependsOn, "dependsOn")) {
      if (Objects.requireNonNull(name, "dependsOn").isBlank()) {
        throw new IllegalArgumentException("dependsOn: expected non-empty check names, got '" + name + "'");
      }
      String normalized = CheckRegistry.normalizeName(name);
      if (!checked.contains(normalized)) {
        checked.add(normalized);
      }
    }
    this.dependsOn = checked;
    return this;
  }

  /**
   * @param name the name of a check this one needs (see {@link #setDependsOn(List)})
   * @return this
   * @throws IllegalArgumentException when the name is blank
   */
  public CheckOptions addDependsOn(String name) {
    List<String> all = new ArrayList<>(dependsOn);
    all.add(name);
    return setDependsOn(all);
  }

  /**
   * @return the service level objective: the percent of time the check should be available ({@code pass} or
   * {@code warn}), such as 99.9; {@code null} (the default) for none
   */
  public Double getSlo() {
    return slo;
  }

  /**
   * @param slo the percent of time the check should be available, above 0 and below 100 (99.9 leaves an error
   *            budget of 0.1 % of each window); {@code null} for none
   * @return this
   * @throws IllegalArgumentException when not above 0 and below 100
   */
  public CheckOptions setSlo(Double slo) {
    if (slo != null && !(slo > 0 && slo < 100)) {
      throw new IllegalArgumentException("slo: must be a percent above 0 and below 100, got " + slo);
    }
    this.slo = slo;
    return this;
  }

  private static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": must not be negative, got " + value + " ms");
    }
    return value;
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
