package dev.vitals.health.alerts;

import dev.vitals.health.JsonForm;
import dev.vitals.health.alerts.channels.ChannelOptions;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.annotations.GenIgnore;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code alerts} section: channels, rules, maintenance windows, where silences are kept, and the bounds.
 * JSON form:
 * <pre>{@code
 * {"channels": [{"type": "alertmanager", "name": "am", "url": "http://127.0.0.1:9093"}],  // see ChannelOptions
 *  "rules": [...],                  // AlertRuleOptions; empty or absent: the default rule
 *  "windows": [...],                // MaintenanceWindowOptions
 *  "silencesFile": "silences.json", // where silences are kept across restarts; absent: in memory only
 *  "maxSilences": 1000,             // silences held at once (expired ones do not count)
 *  "maxActive": 10000,              // active alerts held at once
 *  "groupWait": "1s",               // how long a new alert waits before its first message
 *  "evaluateEvery": "1s",           // how often reminders, silences' ends and windows are looked at
 *  "pollEvery": "5s"}               // how often the rules' checks are asked for (0: only the runs others cause)
 * }</pre>
 * One line of config ({@code {"channels": [...]}}) is enough: without rules, {@link #effectiveRules()} is the
 * default rule, named {@code default}, which alerts on every critical check through every channel.
 */
@DataObject
@JsonGen(publicConverter = false)
public class AlertsOptions {

  /** Default most silences held at once: 1000. */
  public static final int DEFAULT_MAX_SILENCES = 1000;
  /** Default most active alerts held at once: 10000. */
  public static final int DEFAULT_MAX_ACTIVE = 10_000;
  /** Default wait of a new alert before its first message: 1000 ms. */
  public static final long DEFAULT_GROUP_WAIT = 1_000;
  /** Default period of the evaluation of reminders, silences' ends and windows: 1000 ms. */
  public static final long DEFAULT_EVALUATE_EVERY = 1_000;
  /** Default period of asking for the rules' checks' results: 5000 ms. */
  public static final long DEFAULT_POLL_EVERY = 5_000;
  /** The name of the default rule. */
  public static final String DEFAULT_RULE = "default";

  private List<ChannelOptions> channels = new ArrayList<>();
  private List<AlertRuleOptions> rules = new ArrayList<>();
  private List<MaintenanceWindowOptions> windows = new ArrayList<>();
  private String silencesFile;
  private int maxSilences = DEFAULT_MAX_SILENCES;
  private int maxActive = DEFAULT_MAX_ACTIVE;
  private long groupWait = DEFAULT_GROUP_WAIT;
  private long evaluateEvery = DEFAULT_EVALUATE_EVERY;
  private long pollEvery = DEFAULT_POLL_EVERY;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .objects("channels", ChannelOptions::new, ChannelOptions::schema)
    .describe("where alerts are sent: one entry per channel, `{\"type\": ..., \"name\": ..., <the type's keys>}`")
    .objects("rules", AlertRuleOptions::new, AlertRuleOptions::schema)
    .describe("which checks alert, when, and through which channels; empty: the rule `default`, every critical"
      + " check through every channel")
    .objects("windows", MaintenanceWindowOptions::new, MaintenanceWindowOptions::schema)
    .describe("recurring maintenance windows: their checks' alerts are not sent while one is open")
    .text("silencesFile").describe("a JSON file where silences are kept across restarts (written whole, atomically,"
      + " on each change)").defaultShown("in memory only")
    .integer("maxSilences").range(1, 1_000_000).describe("silences held at once; adding one more fails")
    .integer("maxActive").range(1, 10_000_000).describe("active alerts held at once; beyond, new alerts are dropped"
      + " and counted")
    .duration("groupWait").describe("how long a new alert waits before its first message, so that the checks it"
      + " blocks are listed in it")
    .duration("evaluateEvery").constrain("exclusiveMinimum", 0)
    .describe("how often reminders, silences' ends and maintenance windows are looked at")
    .duration("pollEvery")
    .describe("how often the checks the rules match are asked for, so that a check nobody asks for (no"
      + " `refreshPeriod`, no probe) is run and judged too; a cached result is reused, so a check runs at most once"
      + " per `successTtl` / `failureTtl`; 0: only the runs that requests and refresh periods cause");

  /** The defaults: no channel, the default rule, no window, silences in memory. */
  public AlertsOptions() {
  }

  /** @param other options to copy */
  public AlertsOptions(AlertsOptions other) {
    channels = new ArrayList<>(other.channels);
    other.rules.forEach(rule -> rules.add(new AlertRuleOptions(rule)));
    other.windows.forEach(window -> windows.add(new MaintenanceWindowOptions(window)));
    silencesFile = other.silencesFile;
    maxSilences = other.maxSilences;
    maxActive = other.maxActive;
    groupWait = other.groupWait;
    evaluateEvery = other.evaluateEvery;
    pollEvery = other.pollEvery;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid
   *                                  ({@code "rules[0].failuresBefore: expected ..."}), and as {@link #validate()}
   */
  public AlertsOptions(JsonObject json) {
    JsonObject read = FORM.read(json);
    AlertsOptionsConverter.fromJson(read, this);
    JsonArray entries = read.getJsonArray("channels");
    if (entries != null) {
      List<ChannelOptions> list = new ArrayList<>();
      entries.forEach(entry -> list.add(new ChannelOptions((JsonObject) entry)));
      setChannels(list);
    }
    validate();
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new AlertsOptions().toJson());
  }

  /** @return the JSON form, the channels' secrets included */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    AlertsOptionsConverter.toJson(this, json);
    JsonArray entries = new JsonArray();
    channels.forEach(channel -> entries.add(channel.toJson()));
    return json.put("channels", entries);
  }

  /**
   * Checks what one field's setter cannot: names unique among the channels, the rules and the windows, and every
   * channel a rule names configured.
   *
   * @return this
   * @throws IllegalArgumentException {@code "rules[1].name: 'db' is already the name of rules[0]"},
   *                                  {@code "rules[0].channels: unknown channel 'pager', expected one of ops, am"}
   */
  public AlertsOptions validate() {
    List<String> channelNames = new ArrayList<>();
    for (int i = 0; i < channels.size(); i++) {
      unique("channels", i, channels.get(i).getName(), channelNames);
    }
    List<String> ruleNames = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      AlertRuleOptions rule = rules.get(i);
      unique("rules", i, rule.getName(), ruleNames);
      for (String channel : rule.getChannels()) {
        if (!channelNames.contains(channel)) {
          throw new IllegalArgumentException("rules[" + i + "].channels: unknown channel '" + channel
            + "', expected one of " + (channelNames.isEmpty() ? "the channels (none configured)"
            : String.join(", ", channelNames)));
        }
      }
    }
    List<String> windowNames = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      unique("windows", i, windows.get(i).getName(), windowNames);
      if (windows.get(i).getCron() == null || windows.get(i).getDuration() <= 0) {
        throw new IllegalArgumentException("windows[" + i + "]." + (windows.get(i).getCron() == null ? "cron"
          : "duration") + ": required field missing");
      }
    }
    return this;
  }

  private static void unique(String list, int index, String name, List<String> seen) {
    if (name == null) {
      throw new IllegalArgumentException(list + "[" + index + "].name: required field missing");
    }
    int before = seen.indexOf(name);
    if (before >= 0) {
      throw new IllegalArgumentException(list + "[" + index + "].name: '" + name + "' is already the name of "
        + list + "[" + before + "]");
    }
    seen.add(name);
  }

  /** @return the channels, in order; unmodifiable */
  @GenIgnore
  public List<ChannelOptions> getChannels() {
    return Collections.unmodifiableList(channels);
  }

  /**
   * @param channels the channels, replacing any set before
   * @return this
   */
  @GenIgnore
  public AlertsOptions setChannels(List<ChannelOptions> channels) {
    this.channels = new ArrayList<>(Objects.requireNonNull(channels, "channels"));
    return this;
  }

  /**
   * @param channel one more channel
   * @return this
   */
  @GenIgnore
  public AlertsOptions addChannel(ChannelOptions channel) {
    channels.add(Objects.requireNonNull(channel, "channel"));
    return this;
  }

  /** @return the rules as configured, in order (empty: the default rule applies); unmodifiable */
  public List<AlertRuleOptions> getRules() {
    return Collections.unmodifiableList(rules);
  }

  /**
   * @param rules the rules, replacing any set before; empty for the default rule
   * @return this
   */
  public AlertsOptions setRules(List<AlertRuleOptions> rules) {
    this.rules = new ArrayList<>(Objects.requireNonNull(rules, "rules"));
    return this;
  }

  /**
   * @param rule one more rule
   * @return this
   */
  public AlertsOptions addRule(AlertRuleOptions rule) {
    rules.add(Objects.requireNonNull(rule, "rule"));
    return this;
  }

  /**
   * @return the rules that apply: the configured ones, or when there are none the default rule ({@code default}:
   * critical checks, on {@code fail}, every channel, the other settings {@link AlertRuleOptions}' defaults)
   */
  @GenIgnore
  public List<AlertRuleOptions> effectiveRules() {
    if (!rules.isEmpty()) {
      return getRules();
    }
    return List.of(new AlertRuleOptions().setName(DEFAULT_RULE).setCritical(true));
  }

  /** @return the maintenance windows, in order; unmodifiable */
  public List<MaintenanceWindowOptions> getWindows() {
    return Collections.unmodifiableList(windows);
  }

  /**
   * @param windows the maintenance windows, replacing any set before
   * @return this
   */
  public AlertsOptions setWindows(List<MaintenanceWindowOptions> windows) {
    this.windows = new ArrayList<>(Objects.requireNonNull(windows, "windows"));
    return this;
  }

  /**
   * @param window one more maintenance window
   * @return this
   */
  public AlertsOptions addWindow(MaintenanceWindowOptions window) {
    windows.add(Objects.requireNonNull(window, "window"));
    return this;
  }

  /** @return the file silences are kept in, or {@code null} for memory only */
  public String getSilencesFile() {
    return silencesFile;
  }

  /**
   * @param silencesFile a path (relative to the working directory) of a JSON file, or {@code null} for memory only
   * @return this
   * @throws IllegalArgumentException {@code silencesFile: ...} when blank
   */
  public AlertsOptions setSilencesFile(String silencesFile) {
    if (silencesFile != null && silencesFile.isBlank()) {
      throw new IllegalArgumentException("silencesFile: expected a non-empty string, got '" + silencesFile + "'");
    }
    this.silencesFile = silencesFile;
    return this;
  }

  /** @return the most silences held at once */
  public int getMaxSilences() {
    return maxSilences;
  }

  /**
   * @param maxSilences the most silences held at once, 1 to 1000000
   * @return this
   * @throws IllegalArgumentException {@code maxSilences: ...} out of range
   */
  public AlertsOptions setMaxSilences(int maxSilences) {
    if (maxSilences < 1 || maxSilences > 1_000_000) {
      throw new IllegalArgumentException("maxSilences: expected an integer from 1 to 1000000, got '" + maxSilences
        + "'");
    }
    this.maxSilences = maxSilences;
    return this;
  }

  /** @return the most active alerts held at once */
  public int getMaxActive() {
    return maxActive;
  }

  /**
   * @param maxActive the most active alerts held at once, 1 to 10000000; beyond, a new alert is dropped (counted
   *                  in {@code suppressed.overflow}, logged once per burst)
   * @return this
   * @throws IllegalArgumentException {@code maxActive: ...} out of range
   */
  public AlertsOptions setMaxActive(int maxActive) {
    if (maxActive < 1 || maxActive > 10_000_000) {
      throw new IllegalArgumentException("maxActive: expected an integer from 1 to 10000000, got '" + maxActive
        + "'");
    }
    this.maxActive = maxActive;
    return this;
  }

  /** @return how long a new alert waits before its first message, in ms */
  public long getGroupWait() {
    return groupWait;
  }

  /**
   * @param groupWait how long a new alert waits before its first message, in ms, {@code >= 0}: the checks it blocks
   *                  that ran meanwhile are listed in it
   * @return this
   * @throws IllegalArgumentException {@code groupWait: ...} when negative
   */
  public AlertsOptions setGroupWait(long groupWait) {
    if (groupWait < 0) {
      throw new IllegalArgumentException("groupWait: expected a duration >= 0, got '" + groupWait + "'");
    }
    this.groupWait = groupWait;
    return this;
  }

  /** @return how often reminders, silences' ends and maintenance windows are looked at, in ms */
  public long getEvaluateEvery() {
    return evaluateEvery;
  }

  /**
   * @param evaluateEvery how often reminders, silences' ends and maintenance windows are looked at (a Vert.x
   *                      periodic timer), in ms, {@code > 0}
   * @return this
   * @throws IllegalArgumentException {@code evaluateEvery: ...} when not positive
   */
  public AlertsOptions setEvaluateEvery(long evaluateEvery) {
    if (evaluateEvery <= 0) {
      throw new IllegalArgumentException("evaluateEvery: expected a duration > 0, got '" + evaluateEvery + "'");
    }
    this.evaluateEvery = evaluateEvery;
    return this;
  }

  /** @return how often the checks the rules match are asked for, in ms; 0: never */
  public long getPollEvery() {
    return pollEvery;
  }

  /**
   * @param pollEvery how often the checks the rules match are asked for ({@code CheckRegistry.report}: a check
   *                  whose cached result expired runs then), in ms, {@code >= 0}; 0: alerting judges only the runs
   *                  that requests and refresh periods cause
   * @return this
   * @throws IllegalArgumentException {@code pollEvery: ...} when negative
   */
  public AlertsOptions setPollEvery(long pollEvery) {
    if (pollEvery < 0) {
      throw new IllegalArgumentException("pollEvery: expected a duration >= 0, got '" + pollEvery + "'");
    }
    this.pollEvery = pollEvery;
    return this;
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
