package dev.vitals.health.web.probes;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one path of a {@link HealthHandler} selects and how it answers: the overall {@code /health} and the
 * Kubernetes probes {@code /health/live}, {@code /health/ready}, {@code /health/started}. JSON form, every field
 * optional:
 * <pre>{@code
 * {"include": ["readiness"], "exclude": ["slow"],            // tags; no include = every check
 *  "statusCodes": {"pass": 200, "warn": 200, "fail": 503},
 *  "detail": "full" | "names" | "status",
 *  "failureDetails": "everyone" | "authenticated",         // who sees output and data of failing checks
 *  "readiness": false,                                     // also fail in maintenance and while draining
 *  "latch": false}                                         // once passed, stay passed (startup)
 * }</pre>
 */
@DataObject
@JsonGen(publicConverter = false)
public class ProbeOptions {

  /** Default code for {@code pass}: 200. */
  public static final int DEFAULT_PASS_CODE = 200;
  /** Default code for {@code warn}: 200 (a warning is still healthy). */
  public static final int DEFAULT_WARN_CODE = 200;
  /** Default code for {@code fail}: 503, as vertx-web's HealthCheckHandler (py-healthcheck used 500). */
  public static final int DEFAULT_FAIL_CODE = 503;
  /** Default detail: every field of every check. */
  public static final Detail DEFAULT_DETAIL = Detail.FULL;
  /** Default audience of failing checks' output and data: everyone. */
  public static final FailureDetails DEFAULT_FAILURE_DETAILS = FailureDetails.EVERYONE;
  /** Default readiness: the path does not fail for maintenance or draining. */
  public static final boolean DEFAULT_READINESS = false;
  /** Default latch: the path runs its checks on every request. */
  public static final boolean DEFAULT_LATCH = false;

  private Set<String> include = new LinkedHashSet<>();
  private Set<String> exclude = new LinkedHashSet<>();
  private final Map<HealthStatus, Integer> statusCodes = new EnumMap<>(HealthStatus.class);
  private Detail detail = DEFAULT_DETAIL;
  private FailureDetails failureDetails = DEFAULT_FAILURE_DETAILS;
  private boolean readiness = DEFAULT_READINESS;
  private boolean latch = DEFAULT_LATCH;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .strings("include", "exclude").defaultShown("see below")
    .describe("per path: the tags a check must have / must not have")
    .integerMap("statusCodes")
    .constrain("properties", new JsonObject().put("pass", statusCodeSchema(DEFAULT_PASS_CODE))
      .put("warn", statusCodeSchema(DEFAULT_WARN_CODE)).put("fail", statusCodeSchema(DEFAULT_FAIL_CODE)))
    .constrain("additionalProperties", false)
    .describe("the HTTP status of each outcome")
    .enumeration("detail", Detail.class).describe("how much of the report is shown: `full`, `names` or `status`")
    .enumeration("failureDetails", FailureDetails.class)
    .describe("who sees output and data of failing checks: `everyone`, or `authenticated` (with the admin token)")
    .bool("readiness", "latch").describe("also fail in maintenance and draining; once passed, stay passed");

  /** Every check, full detail, codes 200/200/503. */
  public ProbeOptions() {
    setStatusCodes(Map.of());
  }

  /** @param other options to copy */
  public ProbeOptions(ProbeOptions other) {
    include = new LinkedHashSet<>(other.include);
    exclude = new LinkedHashSet<>(other.exclude);
    statusCodes.putAll(other.statusCodes);
    detail = other.detail;
    failureDetails = other.failureDetails;
    readiness = other.readiness;
    latch = other.latch;
  }

  /**
   * @param json the JSON form; absent keys keep their defaults
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid
   */
  public ProbeOptions(JsonObject json) {
    this();
    ProbeOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new ProbeOptions().toJson());
  }

  /** The schema of one status's code in {@code statusCodes}, with its default. */
  private static JsonObject statusCodeSchema(int defaultCode) {
    return new JsonObject().put("type", "integer").put("minimum", 200).put("maximum", 599).put("default", defaultCode)
      .put("description", "the HTTP status of each outcome");
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    ProbeOptionsConverter.toJson(this, json);
    return FORM.write(json);
  }

  /**
   * @param check a check's options
   * @return whether this path selects it: it has one of the included tags (or none are listed) and none of the
   * excluded ones
   */
  public boolean selects(CheckOptions check) {
    Set<String> tags = check.getTags();
    if (!include.isEmpty() && Collections.disjoint(include, tags)) {
      return false;
    }
    return Collections.disjoint(exclude, tags);
  }

  /** @return whether the path selects every check (no include, no exclude) */
  public boolean selectsAll() {
    return include.isEmpty() && exclude.isEmpty();
  }

  /** @return the tags a check needs one of, unmodifiable; empty means any */
  public Set<String> getInclude() {
    return Collections.unmodifiableSet(include);
  }

  /**
   * @param tags the tags a check needs one of; empty means any
   * @return this
   * @throws IllegalArgumentException when a tag is blank
   */
  public ProbeOptions setInclude(Set<String> tags) {
    include = tags(tags, "include");
    return this;
  }

  /** @return the tags that exclude a check, unmodifiable */
  public Set<String> getExclude() {
    return Collections.unmodifiableSet(exclude);
  }

  /**
   * @param tags the tags that exclude a check
   * @return this
   * @throws IllegalArgumentException when a tag is blank
   */
  public ProbeOptions setExclude(Set<String> tags) {
    exclude = tags(tags, "exclude");
    return this;
  }

  private static Set<String> tags(Set<String> tags, String field) {
    for (String tag : Objects.requireNonNull(tags, field)) {
      if (tag == null || tag.isBlank()) {
        throw new IllegalArgumentException(field + ": expected non-blank tags, got '" + tag + "'");
      }
    }
    return new LinkedHashSet<>(tags);
  }

  /**
   * @return the HTTP code answered for each overall status, by its JSON name ({@code pass}, {@code warn},
   * {@code fail}); unmodifiable
   */
  public Map<String, Integer> getStatusCodes() {
    Map<String, Integer> codes = new LinkedHashMap<>();
    statusCodes.forEach((status, code) -> codes.put(status.wireName(), code));
    return Collections.unmodifiableMap(codes);
  }

  /**
   * @param codes the HTTP code, 200 to 599, answered for each overall status named in the map ({@code pass},
   *              {@code warn}, {@code fail}); a status not in the map answers its default code
   * @return this
   * @throws IllegalArgumentException {@code statusCodes.<status>: ...} naming an unknown status or a code out of
   *                                  range
   */
  public ProbeOptions setStatusCodes(Map<String, Integer> codes) {
    Map<HealthStatus, Integer> checked = new EnumMap<>(HealthStatus.class);
    checked.put(HealthStatus.PASS, DEFAULT_PASS_CODE);
    checked.put(HealthStatus.WARN, DEFAULT_WARN_CODE);
    checked.put(HealthStatus.FAIL, DEFAULT_FAIL_CODE);
    Objects.requireNonNull(codes, "statusCodes").forEach((name, code) -> {
      HealthStatus status;
      try {
        status = HealthStatus.fromWireName(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("statusCodes." + name + ": " + e.getMessage(), e);
      }
      checked.put(status, code(status, Objects.requireNonNull(code, "code")));
    });
    statusCodes.clear();
    statusCodes.putAll(checked);
    return this;
  }

  /**
   * @param status an overall status
   * @return the HTTP code answered for it
   */
  public int getStatusCode(HealthStatus status) {
    return statusCodes.get(Objects.requireNonNull(status, "status"));
  }

  /**
   * @param status an overall status
   * @param code   the HTTP code to answer for it, 200 to 599
   * @return this
   * @throws IllegalArgumentException when the code is outside 200..599
   */
  public ProbeOptions setStatusCode(HealthStatus status, int code) {
    statusCodes.put(Objects.requireNonNull(status, "status"), code(status, code));
    return this;
  }

  private static int code(HealthStatus status, int code) {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("statusCodes." + status.wireName()
        + ": expected an HTTP status code from 200 to 599, got " + code);
    }
    return code;
  }

  /** @return how much of the report is shown */
  public Detail getDetail() {
    return detail;
  }

  /**
   * @param detail how much of the report is shown
   * @return this
   */
  public ProbeOptions setDetail(Detail detail) {
    this.detail = Objects.requireNonNull(detail, "detail");
    return this;
  }

  /** @return who sees the output and data of failing checks */
  public FailureDetails getFailureDetails() {
    return failureDetails;
  }

  /**
   * @param failureDetails who sees the output and data of failing checks: everyone, or only callers with the
   *                       admin token
   * @return this
   */
  public ProbeOptions setFailureDetails(FailureDetails failureDetails) {
    this.failureDetails = Objects.requireNonNull(failureDetails, "failureDetails");
    return this;
  }

  /** @return whether the path also fails while in maintenance and while draining for shutdown */
  public boolean isReadiness() {
    return readiness;
  }

  /**
   * @param readiness whether the path also fails while in maintenance and while draining for shutdown
   * @return this
   */
  public ProbeOptions setReadiness(boolean readiness) {
    this.readiness = readiness;
    return this;
  }

  /** @return whether the path, once it has passed, stays passed without running its checks again */
  public boolean isLatch() {
    return latch;
  }

  /**
   * @param latch whether the path, once it has passed, stays passed (a startup probe)
   * @return this
   */
  public ProbeOptions setLatch(boolean latch) {
    this.latch = latch;
    return this;
  }
}
