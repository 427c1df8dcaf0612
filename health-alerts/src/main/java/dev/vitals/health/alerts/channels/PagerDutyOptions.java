package dev.vitals.health.alerts.channels;

import dev.vitals.health.JsonForm;
import dev.vitals.health.Scrubber;
import dev.vitals.health.alerts.channels.impl.Valid;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A PagerDuty channel ({@code "type": "pagerduty"}): Events API v2
 * (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/): a firing alert (and a reminder) is a
 * {@code trigger} event, its resolution a {@code resolve} event with the same {@code dedup_key}
 * ({@code vitals:<application label>:<fingerprint>}), answered 202. JSON form:
 * <pre>{@code
 * {"routingKey": "R0UT1NGKEY...",                           // required, a secret: the integration key
 *  "url": "https://events.pagerduty.com/v2/enqueue",        // the default
 *  "severity": {"fail": "critical", "warn": "warning"}}     // the default: an alert's status to PagerDuty's severity
 * }</pre>
 */
@DataObject
@JsonGen(publicConverter = false)
public class PagerDutyOptions {

  /** The Events API v2 endpoint. */
  public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";
  /** PagerDuty's severities. */
  public static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");

  private static final JsonForm FORM = JsonForm.of("")
    .text("routingKey").secret().required().describe("the integration's routing key (Events API v2), a secret")
    .string("url").constrain("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://").expecting("an absolute http:// or https:// URL")
    .describe("the Events API v2 endpoint")
    .stringMap("severity")
    .constrain("propertyNames", new JsonObject().put("enum", new io.vertx.core.json.JsonArray().add("fail").add("warn")))
    .constrain("additionalProperties", new JsonObject().put("enum", new io.vertx.core.json.JsonArray(SEVERITIES)))
    .defaultShown("{\"fail\": \"critical\", \"warn\": \"warning\"}")
    .describe("PagerDuty's severity (critical, error, warning or info) for an alert's status (fail, warn); "
      + "a status not given keeps its default");

  private String routingKey;
  private String url = DEFAULT_URL;
  private Map<String, String> severity = defaults();

  /** Options without a routing key, to set. */
  public PagerDutyOptions() {
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown, {@code routingKey} is missing or a
   *                                  value is invalid
   */
  public PagerDutyOptions(JsonObject json) {
    PagerDutyOptionsConverter.fromJson(FORM.read(json), this);
    if (routingKey == null) {
      throw new IllegalArgumentException("routingKey: required field missing");
    }
  }

  private static Map<String, String> defaults() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("fail", "critical");
    map.put("warn", "warning");
    return map;
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new PagerDutyOptions().toJson());
  }

  /** @return the JSON form, the routing key included (see {@link #toString()} for a form safe to log) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    PagerDutyOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON form with the routing key masked */
  @Override
  public String toString() {
    return toJson().put("routingKey", routingKey == null ? null : Scrubber.MASK).encode();
  }

  /** @return the routing key */
  public String getRoutingKey() {
    return routingKey;
  }

  /**
   * @param routingKey the integration's routing key
   * @return this
   * @throws IllegalArgumentException {@code routingKey: expected a non-empty string, got ''}
   */
  public PagerDutyOptions setRoutingKey(String routingKey) {
    this.routingKey = Valid.text("routingKey", routingKey, true);
    return this;
  }

  /** @return the Events API v2 endpoint */
  public String getUrl() {
    return url;
  }

  /**
   * @param url the Events API v2 endpoint, absolute http:// or https://
   * @return this
   * @throws IllegalArgumentException {@code url: expected an absolute http:// or https:// URL, got '...'}
   */
  public PagerDutyOptions setUrl(String url) {
    this.url = Valid.httpUrl("url", url, false);
    return this;
  }

  /** @return PagerDuty's severity by alert status ({@code fail}, {@code warn}), unmodifiable */
  public Map<String, String> getSeverity() {
    return Map.copyOf(severity);
  }

  /**
   * @param severity PagerDuty's severity ({@code critical}, {@code error}, {@code warning}, {@code info}) by alert
   *                 status ({@code fail}, {@code warn}); a status not given keeps its default
   * @return this
   * @throws IllegalArgumentException {@code severity.fail: expected critical, error, warning or info, got 'high'}
   *                                  or {@code severity.down: expected fail or warn, got 'down'}
   */
  public PagerDutyOptions setSeverity(Map<String, String> severity) {
    Map<String, String> merged = defaults();
    Objects.requireNonNull(severity, "severity").forEach((status, value) -> {
      if (!merged.containsKey(status)) {
        throw Valid.expected("severity." + status, "fail or warn", status);
      }
      if (!SEVERITIES.contains(value)) {
        throw Valid.expected("severity." + status, "critical, error, warning or info", value);
      }
      merged.put(status, value);
    });
    this.severity = merged;
    return this;
  }
}
