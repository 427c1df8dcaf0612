package dev.vitals.health.alerts;

import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.annotations.GenIgnore;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of {@code alerts.rules}: which checks it watches, when their failure is worth a message, how often to
 * remind, whether to tell the recovery, and through which channels. JSON form:
 * <pre>{@code
 * {"name": "databases",             // required, unique among the rules
 *  "checks": ["db/*", "cache"],     // name globs: * any run of characters (/ included: db/* is the group db),
 *                                   // ? one character; empty or absent: every check
 *  "tags": ["readiness"],           // any of them; empty or absent: any tags
 *  "critical": true,                // only critical (true) or non-critical (false) checks; absent: both
 *  "on": "fail",                    // fail, or warn to alert on warn too
 *  "failuresBefore": 3,             // consecutive failing runs before the alert fires
 *  "successesBefore": 2,            // consecutive passing runs before it resolves
 *  "repeatEvery": "1h",             // a reminder while it still fires; 0: never
 *  "sendResolved": true,            // tell the recovery
 *  "channels": ["ops"],             // channel names; empty or absent: every channel
 *  "instances": 2}                  // fleet quorum: a count, or a percentage such as "50%"
 * }</pre>
 * Runs are counted on what each run found ({@code CheckObserver.ran}'s {@code outcome}), before the check's own
 * damping ({@code failureThreshold}, {@code successThreshold}): {@code failuresBefore} and {@code successesBefore}
 * are the rule's damping, and do not add to the check's.
 */
@DataObject
@JsonGen(publicConverter = false)
public class AlertRuleOptions {

  /** What status a rule alerts on. */
  public enum On {
    /** A failing run ({@code fail}) counts. */
    FAIL,
    /** A failing or warning run ({@code fail} or {@code warn}) counts. */
    WARN
  }

  /** Default status alerted on: {@link On#FAIL}. */
  public static final On DEFAULT_ON = On.FAIL;
  /** Default consecutive failing runs before the alert fires: 1. */
  public static final int DEFAULT_FAILURES_BEFORE = 1;
  /** Default consecutive passing runs before it resolves: 1. */
  public static final int DEFAULT_SUCCESSES_BEFORE = 1;
  /** Default reminder period: 0 ms, never. */
  public static final long DEFAULT_REPEAT_EVERY = 0;
  /** Default: the recovery is told. */
  public static final boolean DEFAULT_SEND_RESOLVED = true;
  /** Default fleet quorum: {@code "1"}, one instance. */
  public static final String DEFAULT_INSTANCES = "1";

  private static final Pattern INSTANCES = Pattern.compile("([1-9][0-9]{0,5})(%?)");

  private String name;
  private List<String> checks = new ArrayList<>();
  private List<String> tags = new ArrayList<>();
  private Boolean critical;
  private On on = DEFAULT_ON;
  private int failuresBefore = DEFAULT_FAILURES_BEFORE;
  private int successesBefore = DEFAULT_SUCCESSES_BEFORE;
  private long repeatEvery = DEFAULT_REPEAT_EVERY;
  private boolean sendResolved = DEFAULT_SEND_RESOLVED;
  private List<String> channels = new ArrayList<>();
  private String instances = DEFAULT_INSTANCES;

  /** The JSON form, read before the generated converter; it documents each key ({@code instances} is read apart). */
  private static final JsonForm FORM = JsonForm.of("")
    .text("name").required().describe("the rule's name, unique among the rules; alerts name the rule that fired them")
    .strings("checks").describe("check name globs: `*` any run of characters (`/` included: `db/*` is the group"
      + " `db`), `?` one character; empty: every check")
    .strings("tags").describe("the checks with any of these tags; empty: any tags")
    .bool("critical").describe("only critical (`true`) or non-critical (`false`) checks; absent: both")
    .enumeration("on", On.class).describe("`fail`, or `warn` to alert on warning runs too")
    .integer("failuresBefore").range(1, 1000).describe("consecutive failing runs before the alert fires")
    .integer("successesBefore").range(1, 1000).describe("consecutive passing runs before the alert resolves")
    .duration("repeatEvery").describe("a reminder this often while the alert still fires; 0: never")
    .bool("sendResolved").describe("whether the recovery is told")
    .strings("channels").describe("names of `alerts.channels` to send through; empty: every channel");

  /** A rule with the defaults and no name, to set. */
  public AlertRuleOptions() {
  }

  /** @param other options to copy */
  public AlertRuleOptions(AlertRuleOptions other) {
    name = other.name;
    checks = new ArrayList<>(other.checks);
    tags = new ArrayList<>(other.tags);
    critical = other.critical;
    on = other.on;
    failuresBefore = other.failuresBefore;
    successesBefore = other.successesBefore;
    repeatEvery = other.repeatEvery;
    sendResolved = other.sendResolved;
    channels = new ArrayList<>(other.channels);
    instances = other.instances;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field ({@code "failuresBefore: expected ..., got '0'"}) when a key
   *                                  is unknown, {@code name} is missing or a value is invalid
   */
  public AlertRuleOptions(JsonObject json) {
    JsonObject rest = json.copy();
    Object quorum = rest.remove("instances");
    AlertRuleOptionsConverter.fromJson(FORM.read(rest), this);
    if (quorum != null) {
      setInstances(quorum instanceof Number && !(quorum instanceof Double || quorum instanceof Float)
        ? String.valueOf(quorum) : quorum);
    }
    if (name == null) {
      throw new IllegalArgumentException("name: required field missing");
    }
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    JsonObject schema = FORM.schema(new AlertRuleOptions().toJson());
    schema.getJsonObject("properties").put("instances", new JsonObject()
      .put("type", new JsonArray().add("integer").add("string")).put("minimum", 1).put("maximum", 999999)
      .put("pattern", "^\\s*([1-9][0-9]{0,5}|([1-9][0-9]?|100)%)\\s*$").put("default", 1)
      .put("x-expected", "a count of instances (1 or more), or a percentage of them such as \"50%\"")
      .put("description", "fleet quorum: on how many instances (a count, or a percentage such as `\"50%\"`) the"
        + " check must fail before the alert fires; without a fleet this instance is the only one, so any quorum is"
        + " met by it"));
    return schema;
  }

  /** @return the JSON form ({@code instances} an integer for a count, a string for a percentage) */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    AlertRuleOptionsConverter.toJson(this, json);
    FORM.write(json);
    return json.put("instances", instances.endsWith("%") ? instances : Integer.parseInt(instances));
  }

  /** @return the rule's name */
  public String getName() {
    return name;
  }

  /**
   * @param name the rule's name, not blank
   * @return this
   * @throws IllegalArgumentException {@code name: ...} when blank
   */
  public AlertRuleOptions setName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: expected a non-empty string, got '" + name + "'");
    }
    this.name = name;
    return this;
  }

  /** @return the check name globs; empty for every check; unmodifiable */
  public List<String> getChecks() {
    return Collections.unmodifiableList(checks);
  }

  /**
   * @param checks check name globs ({@code *}, {@code ?}), none blank; empty for every check
   * @return this
   * @throws IllegalArgumentException {@code checks: ...} when one is blank
   */
  public AlertRuleOptions setChecks(List<String> checks) {
    this.checks = nonBlank("checks", checks);
    return this;
  }

  /** @return the tags a check needs one of; empty for any; unmodifiable */
  public List<String> getTags() {
    return Collections.unmodifiableList(tags);
  }

  /**
   * @param tags the tags a check needs one of, none blank; empty for any
   * @return this
   * @throws IllegalArgumentException {@code tags: ...} when one is blank
   */
  public AlertRuleOptions setTags(List<String> tags) {
    this.tags = nonBlank("tags", tags);
    return this;
  }

  /** @return {@code true} for critical checks only, {@code false} for non-critical ones only, {@code null} for both */
  public Boolean getCritical() {
    return critical;
  }

  /**
   * @param critical {@code true} for critical checks only, {@code false} for non-critical ones, {@code null} for both
   * @return this
   */
  public AlertRuleOptions setCritical(Boolean critical) {
    this.critical = critical;
    return this;
  }

  /** @return the status alerted on */
  public On getOn() {
    return on;
  }

  /**
   * @param on {@link On#FAIL}, or {@link On#WARN} to alert on warning runs too
   * @return this
   */
  public AlertRuleOptions setOn(On on) {
    this.on = Objects.requireNonNull(on, "on");
    return this;
  }

  /** @return consecutive failing runs before the alert fires */
  public int getFailuresBefore() {
    return failuresBefore;
  }

  /**
   * @param failuresBefore consecutive failing runs before the alert fires, 1 to 1000
   * @return this
   * @throws IllegalArgumentException {@code failuresBefore: ...} out of range
   */
  public AlertRuleOptions setFailuresBefore(int failuresBefore) {
    this.failuresBefore = range("failuresBefore", failuresBefore);
    return this;
  }

  /** @return consecutive passing runs before the alert resolves */
  public int getSuccessesBefore() {
    return successesBefore;
  }

  /**
   * @param successesBefore consecutive passing runs before the alert resolves, 1 to 1000
   * @return this
   * @throws IllegalArgumentException {@code successesBefore: ...} out of range
   */
  public AlertRuleOptions setSuccessesBefore(int successesBefore) {
    this.successesBefore = range("successesBefore", successesBefore);
    return this;
  }

  /** @return the reminder period while the alert fires, in ms; 0 for none */
  public long getRepeatEvery() {
    return repeatEvery;
  }

  /**
   * @param repeatEvery the reminder period while the alert fires, in ms, {@code >= 0}; 0 for none
   * @return this
   * @throws IllegalArgumentException {@code repeatEvery: ...} when negative
   */
  public AlertRuleOptions setRepeatEvery(long repeatEvery) {
    if (repeatEvery < 0) {
      throw new IllegalArgumentException("repeatEvery: expected a duration >= 0, got '" + repeatEvery + "'");
    }
    this.repeatEvery = repeatEvery;
    return this;
  }

  /** @return whether the recovery is told */
  public boolean isSendResolved() {
    return sendResolved;
  }

  /**
   * @param sendResolved whether the recovery is told
   * @return this
   */
  public AlertRuleOptions setSendResolved(boolean sendResolved) {
    this.sendResolved = sendResolved;
    return this;
  }

  /** @return the channel names sent through; empty for every channel; unmodifiable */
  public List<String> getChannels() {
    return Collections.unmodifiableList(channels);
  }

  /**
   * @param channels names of {@code alerts.channels}, none blank; empty for every channel
   * @return this
   * @throws IllegalArgumentException {@code channels: ...} when one is blank
   */
  public AlertRuleOptions setChannels(List<String> channels) {
    this.channels = nonBlank("channels", channels);
    return this;
  }

  /** @return the fleet quorum: a count ({@code "2"}) or a percentage ({@code "50%"}) */
  @GenIgnore
  public String getInstances() {
    return instances;
  }

  /**
   * @param instances the fleet quorum: an {@code Integer} count from 1, or a string holding a count ({@code "2"})
   *                  or a percentage from 1% to 100% ({@code "50%"})
   * @return this
   * @throws IllegalArgumentException {@code instances: expected a count of instances (1 or more), or a percentage of
   *                                  them such as "50%", got '<value>'}
   */
  @GenIgnore
  public AlertRuleOptions setInstances(Object instances) {
    String text = instances instanceof Integer || instances instanceof Long || instances instanceof String
      ? String.valueOf(instances).trim() : null;
    Matcher m = text == null ? null : INSTANCES.matcher(text);
    if (m == null || !m.matches() || !m.group(2).isEmpty() && Integer.parseInt(m.group(1)) > 100) {
      throw new IllegalArgumentException("instances: expected a count of instances (1 or more), or a percentage of"
        + " them such as \"50%\", got '" + instances + "'");
    }
    this.instances = text;
    return this;
  }

  /**
   * @param known the instances known, at least 1 (1 without a fleet)
   * @return on how many of them the check must fail before the alert fires: the count, or the percentage of
   * {@code known} rounded up; never more than {@code known}, so that without a fleet this instance alone meets it
   */
  @GenIgnore
  public int quorum(int known) {
    int count = instances.endsWith("%")
      ? (int) Math.ceil(known * Integer.parseInt(instances.substring(0, instances.length() - 1)) / 100.0)
      : Integer.parseInt(instances);
    return Math.max(1, Math.min(known, count));
  }

  private static int range(String field, int value) {
    if (value < 1 || value > 1000) {
      throw new IllegalArgumentException(field + ": expected an integer from 1 to 1000, got '" + value + "'");
    }
    return value;
  }

  static List<String> nonBlank(String field, List<String> values) {
    List<String> copy = new ArrayList<>();
    for (String value : Objects.requireNonNull(values, field)) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(field + ": expected non-empty strings, got '" + value + "'");
      }
      copy.add(value);
    }
    return copy;
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
