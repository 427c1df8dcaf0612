package dev.vitals.health.alerts;

import dev.vitals.health.JsonForm;
import dev.vitals.health.alerts.impl.Crons;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One recurring maintenance window of {@code alerts.windows}: from each time a cron expression names, for a
 * duration, the alerts of the checks it matches are not sent (they stay active, shown as silenced by the window,
 * and their notifications are counted as suppressed). JSON form:
 * <pre>{@code
 * {"name": "nightly-backup",          // required, unique among the windows
 *  "cron": "0 2 * * *",               // required: when it opens, a Unix cron expression (5 fields: minute hour
 *                                     // day-of-month month day-of-week), as cron-utils' CronType.UNIX reads it
 *  "duration": "30m",                 // required: how long it stays open, more than 0
 *  "timeZone": "Europe/Paris",        // the cron expression's time zone, an IANA id
 *  "checks": ["db/*"],                // name globs as rules'; empty or absent: every check
 *  "tags": ["batch"],                 // any of them; empty or absent: any tags
 *  "statusMaintenance": false}        // whether /status reports maintenance while it is open
 * }</pre>
 */
@DataObject
@JsonGen(publicConverter = false)
public class MaintenanceWindowOptions {

  /** Default time zone of the cron expression: {@code UTC}. */
  public static final String DEFAULT_TIME_ZONE = "UTC";
  /** Default: {@code /status} is not switched to maintenance. */
  public static final boolean DEFAULT_STATUS_MAINTENANCE = false;


  private String name;
  private String cron;
  private long duration;
  private String timeZone = DEFAULT_TIME_ZONE;
  private List<String> checks = new ArrayList<>();
  private List<String> tags = new ArrayList<>();
  private boolean statusMaintenance = DEFAULT_STATUS_MAINTENANCE;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .text("name").required().describe("the window's name, unique among the windows; silenced alerts name it")
    .text("cron").required().expecting("a Unix cron expression (5 fields: minute hour day-of-month month day-of-week)")
    .describe("when the window opens: a Unix cron expression, 5 fields (`0 2 * * *`: at 02:00 every day)")
    .duration("duration").required().constrain("exclusiveMinimum", 0).describe("how long the window stays open")
    .text("timeZone").expecting("an IANA time zone id such as \"Europe/Paris\"")
    .describe("the cron expression's time zone, an IANA id")
    .strings("checks").describe("check name globs as rules' (`db/*`); empty: every check")
    .strings("tags").describe("the checks with any of these tags; empty: any tags")
    .bool("statusMaintenance").describe("whether `/status` reports maintenance while the window is open");

  /** A window with the defaults and no name, cron or duration, to set. */
  public MaintenanceWindowOptions() {
  }

  /** @param other options to copy */
  public MaintenanceWindowOptions(MaintenanceWindowOptions other) {
    name = other.name;
    cron = other.cron;
    duration = other.duration;
    timeZone = other.timeZone;
    checks = new ArrayList<>(other.checks);
    tags = new ArrayList<>(other.tags);
    statusMaintenance = other.statusMaintenance;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown, {@code name}, {@code cron} or
   *                                  {@code duration} is missing, or a value is invalid (a cron expression
   *                                  cron-utils refuses: {@code "cron: expected a Unix cron expression (...), got
   *                                  '0 2 * *': <cron-utils' reason>"})
   */
  public MaintenanceWindowOptions(JsonObject json) {
    MaintenanceWindowOptionsConverter.fromJson(FORM.read(json), this);
    for (String field : List.of("name", "cron", "duration")) {
      if (!json.containsKey(field) || json.getValue(field) == null) {
        throw new IllegalArgumentException(field + ": required field missing");
      }
    }
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    JsonObject defaults = new MaintenanceWindowOptions().toJson();
    defaults.remove("duration"); // required: its 0 before it is set is no default
    return FORM.schema(defaults);
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    MaintenanceWindowOptionsConverter.toJson(this, json);
    return FORM.write(json);
  }

  /** @return the window's name */
  public String getName() {
    return name;
  }

  /**
   * @param name the window's name, not blank
   * @return this
   * @throws IllegalArgumentException {@code name: ...} when blank
   */
  public MaintenanceWindowOptions setName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: expected a non-empty string, got '" + name + "'");
    }
    this.name = name;
    return this;
  }

  /** @return the cron expression (Unix, 5 fields) */
  public String getCron() {
    return cron;
  }

  /**
   * @param cron a Unix cron expression, 5 fields: minute hour day-of-month month day-of-week
   * @return this
   * @throws IllegalArgumentException {@code cron: expected a Unix cron expression (5 fields: minute hour
   *                                  day-of-month month day-of-week), got '<value>': <cron-utils' reason>}
   */
  public MaintenanceWindowOptions setCron(String cron) {
    Crons.parse(cron);
    this.cron = cron;
    return this;
  }

  /** @return how long the window stays open, in ms */
  public long getDuration() {
    return duration;
  }

  /**
   * @param duration how long the window stays open, in ms, {@code > 0}
   * @return this
   * @throws IllegalArgumentException {@code duration: ...} when not positive
   */
  public MaintenanceWindowOptions setDuration(long duration) {
    if (duration <= 0) {
      throw new IllegalArgumentException("duration: expected a duration > 0, got '" + duration + "'");
    }
    this.duration = duration;
    return this;
  }

  /** @return the cron expression's time zone, an IANA id */
  public String getTimeZone() {
    return timeZone;
  }

  /**
   * @param timeZone an IANA time zone id ({@code "Europe/Paris"}) or {@code "UTC"}
   * @return this
   * @throws IllegalArgumentException {@code timeZone: expected an IANA time zone id ..., got '<value>'}
   */
  public MaintenanceWindowOptions setTimeZone(String timeZone) {
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException("timeZone: expected an IANA time zone id such as \"Europe/Paris\", got '"
        + timeZone + "'");
    }
    this.timeZone = timeZone;
    return this;
  }

  /** @return the check name globs; empty for every check; unmodifiable */
  public List<String> getChecks() {
    return Collections.unmodifiableList(checks);
  }

  /**
   * @param checks check name globs, none blank; empty for every check
   * @return this
   * @throws IllegalArgumentException {@code checks: ...} when one is blank
   */
  public MaintenanceWindowOptions setChecks(List<String> checks) {
    this.checks = AlertRuleOptions.nonBlank("checks", checks);
    return this;
  }

  /** @return the tags a check needs one of; empty for any; unmodifiable */
  public List<String> getTags() {
    return Collections.unmodifiableList(tags);
  }

  /**
   * @param tags tags a check needs one of, none blank; empty for any
   * @return this
   * @throws IllegalArgumentException {@code tags: ...} when one is blank
   */
  public MaintenanceWindowOptions setTags(List<String> tags) {
    this.tags = AlertRuleOptions.nonBlank("tags", tags);
    return this;
  }

  /** @return whether {@code /status} reports maintenance while the window is open */
  public boolean isStatusMaintenance() {
    return statusMaintenance;
  }

  /**
   * @param statusMaintenance whether {@code /status} reports maintenance while the window is open
   * @return this
   */
  public MaintenanceWindowOptions setStatusMaintenance(boolean statusMaintenance) {
    this.statusMaintenance = statusMaintenance;
    return this;
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
