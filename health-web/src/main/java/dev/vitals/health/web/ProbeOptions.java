package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.HealthStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
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
public class ProbeOptions {

  /** Default code for {@code pass}: 200. */
  public static final int DEFAULT_PASS_CODE = 200;
  /** Default code for {@code warn}: 200 (a warning is still healthy). */
  public static final int DEFAULT_WARN_CODE = 200;
  /** Default code for {@code fail}: 503, as vertx-web's HealthCheckHandler (py-healthcheck used 500). */
  public static final int DEFAULT_FAIL_CODE = 503;

  private Set<String> include = new LinkedHashSet<>();
  private Set<String> exclude = new LinkedHashSet<>();
  private final Map<HealthStatus, Integer> statusCodes = new EnumMap<>(HealthStatus.class);
  private Detail detail = Detail.FULL;
  private boolean failureDetailsAuthenticatedOnly;
  private boolean readiness;
  private boolean latch;

  /** Every check, full detail, codes 200/200/503. */
  public ProbeOptions() {
    statusCodes.put(HealthStatus.PASS, DEFAULT_PASS_CODE);
    statusCodes.put(HealthStatus.WARN, DEFAULT_WARN_CODE);
    statusCodes.put(HealthStatus.FAIL, DEFAULT_FAIL_CODE);
  }

  /** @param other options to copy */
  public ProbeOptions(ProbeOptions other) {
    include = new LinkedHashSet<>(other.include);
    exclude = new LinkedHashSet<>(other.exclude);
    statusCodes.putAll(other.statusCodes);
    detail = other.detail;
    failureDetailsAuthenticatedOnly = other.failureDetailsAuthenticatedOnly;
    readiness = other.readiness;
    latch = other.latch;
  }

  /**
   * Reads the JSON form over these defaults.
   *
   * @param json   the JSON form
   * @param prefix the config path of this object, for messages ({@code probes.ready})
   * @return this
   * @throws IllegalArgumentException naming the field when a value is invalid
   */
  public ProbeOptions merge(JsonObject json, String prefix) {
    for (String field : json.fieldNames()) {
      Object value = json.getValue(field);
      String path = prefix + "." + field;
      switch (field) {
        case "include":
          include = tags(value, path);
          break;
        case "exclude":
          exclude = tags(value, path);
          break;
        case "statusCodes":
          if (!(value instanceof JsonObject)) {
            throw new IllegalArgumentException(path + ": expected an object like {\"fail\": 503}, got '" + value + "'");
          }
          for (Map.Entry<String, Object> e : (JsonObject) value) {
            HealthStatus status;
            try {
              status = HealthStatus.fromWireName(e.getKey());
            } catch (IllegalArgumentException ex) {
              throw new IllegalArgumentException(path + "." + e.getKey() + ": " + ex.getMessage());
            }
            if (!(e.getValue() instanceof Integer)) {
              throw new IllegalArgumentException(path + "." + e.getKey() + ": expected an HTTP status code, got '"
                + e.getValue() + "'");
            }
            setStatusCode(status, (Integer) e.getValue(), path + "." + e.getKey());
          }
          break;
        case "detail":
          detail = Detail.fromWireName(String.valueOf(value), path);
          break;
        case "failureDetails":
          if ("everyone".equals(value) || "authenticated".equals(value)) {
            failureDetailsAuthenticatedOnly = "authenticated".equals(value);
          } else {
            throw new IllegalArgumentException(path + ": expected everyone or authenticated, got '" + value + "'");
          }
          break;
        case "readiness":
          readiness = bool(value, path);
          break;
        case "latch":
          latch = bool(value, path);
          break;
        default:
          throw new IllegalArgumentException(path + ": unknown field, expected include, exclude, statusCodes, "
            + "detail, failureDetails, readiness or latch");
      }
    }
    return this;
  }

  private static boolean bool(Object value, String path) {
    if (!(value instanceof Boolean)) {
      throw new IllegalArgumentException(path + ": expected true or false, got '" + value + "'");
    }
    return (Boolean) value;
  }

  private static Set<String> tags(Object value, String path) {
    if (!(value instanceof JsonArray)) {
      throw new IllegalArgumentException(path + ": expected an array of tags, got '" + value + "'");
    }
    Set<String> tags = new LinkedHashSet<>();
    for (Object tag : (JsonArray) value) {
      if (!(tag instanceof String) || ((String) tag).isBlank()) {
        throw new IllegalArgumentException(path + ": expected non-blank tags, got '" + tag + "'");
      }
      tags.add((String) tag);
    }
    return tags;
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject codes = new JsonObject();
    statusCodes.forEach((status, code) -> codes.put(status.wireName(), code));
    return new JsonObject()
      .put("include", new JsonArray(new ArrayList<>(include)))
      .put("exclude", new JsonArray(new ArrayList<>(exclude)))
      .put("statusCodes", codes)
      .put("detail", detail.wireName())
      .put("failureDetails", failureDetailsAuthenticatedOnly ? "authenticated" : "everyone")
      .put("readiness", readiness)
      .put("latch", latch);
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
   */
  public ProbeOptions setInclude(Set<String> tags) {
    include = new LinkedHashSet<>(Objects.requireNonNull(tags, "include"));
    return this;
  }

  /** @return the tags that exclude a check, unmodifiable */
  public Set<String> getExclude() {
    return Collections.unmodifiableSet(exclude);
  }

  /**
   * @param tags the tags that exclude a check
   * @return this
   */
  public ProbeOptions setExclude(Set<String> tags) {
    exclude = new LinkedHashSet<>(Objects.requireNonNull(tags, "exclude"));
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
    return setStatusCode(status, code, "statusCodes." + status.wireName());
  }

  private ProbeOptions setStatusCode(HealthStatus status, int code, String field) {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException(field + ": expected an HTTP status code from 200 to 599, got " + code);
    }
    statusCodes.put(Objects.requireNonNull(status, "status"), code);
    return this;
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

  /** @return whether output and data of failing checks are shown only to authenticated callers */
  public boolean isFailureDetailsAuthenticatedOnly() {
    return failureDetailsAuthenticatedOnly;
  }

  /**
   * @param authenticatedOnly whether output and data of failing checks are shown only to authenticated callers
   * @return this
   */
  public ProbeOptions setFailureDetailsAuthenticatedOnly(boolean authenticatedOnly) {
    this.failureDetailsAuthenticatedOnly = authenticatedOnly;
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
