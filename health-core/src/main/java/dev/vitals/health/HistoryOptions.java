package dev.vitals.health;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * What a {@link CheckRegistry} remembers of each check's past, and when it calls a check flapping.
 *
 * <p>JSON form: {@code {"enabled": true, "flapHighThreshold": 20, "flapLowThreshold": 5, "instance": "vm-1",
 * "flushInterval": 15000, "bufferSize": 100000}}. The bounds per check are fixed: the last {@value #RECENT_RUNS}
 * runs, the status transitions of the last 7 days (at most {@value #MAX_TRANSITIONS}, the oldest dropped first),
 * outputs cut to {@value #MAX_OUTPUT_LENGTH} characters, and the time sums of the availability windows (per minute
 * for an hour, per hour for 30 days: some 15 KB).
 *
 * <p>{@code instance}, {@code flushInterval} and {@code bufferSize} are about the {@link HistoryStore}
 * ({@link CheckRegistryOptions#setHistoryStore}): the name this instance's rows carry, how often they are written
 * (finished minutes and transitions, one batch), and how many are held while the store fails.
 *
 * <p>Flap detection is Nagios': the weighted percent of state change over the last {@value #FLAP_WINDOW} results
 * (a change between the two oldest weighs 0.75, between the two newest 1.25); a check starts flapping when it
 * reaches {@code flapHighThreshold} and stops when it falls below {@code flapLowThreshold} (Nagios' defaults,
 * 20 % and 5 %). While a check flaps, its status changes are not notified: one {@code flapping} change marks the
 * start, one the stop ({@link StatusChange.Kind#FLAPPING}).
 */
@DataObject
@JsonGen(publicConverter = false)
public class HistoryOptions {

  /** Default: history, availability and flap detection are on. */
  public static final boolean DEFAULT_ENABLED = true;
  /** Default percent of state change at which a check starts flapping: 20, as Nagios. */
  public static final double DEFAULT_FLAP_HIGH_THRESHOLD = 20.0;
  /** Default percent of state change below which a flapping check stops flapping: 5, as Nagios. */
  public static final double DEFAULT_FLAP_LOW_THRESHOLD = 5.0;
  /** Runs kept per check: 100. */
  public static final int RECENT_RUNS = 100;
  /** Status transitions kept per check, at most: 1000 (and none older than 7 days). */
  public static final int MAX_TRANSITIONS = 1_000;
  /** How long transitions are kept, in ms: 7 days, the longest availability window. */
  public static final long TRANSITIONS_KEPT = 7 * 24 * 3_600_000L;
  /** The longest output kept with a run or a transition, in characters: 200. */
  public static final int MAX_OUTPUT_LENGTH = 200;
  /** Results flap detection looks at: 21, as Nagios. */
  public static final int FLAP_WINDOW = 21;

  /** Default time between two writes of finished minutes and transitions to the history store, in ms: 15 s. */
  public static final long DEFAULT_FLUSH_INTERVAL = 15_000;
  /** Default most rows (minute rollups and transitions) held while the history store fails: 100,000. */
  public static final int DEFAULT_BUFFER_SIZE = 100_000;

  private boolean enabled = DEFAULT_ENABLED;
  private String instance;
  private long flushInterval = DEFAULT_FLUSH_INTERVAL;
  private int bufferSize = DEFAULT_BUFFER_SIZE;
  private double flapHighThreshold = DEFAULT_FLAP_HIGH_THRESHOLD;
  private double flapLowThreshold = DEFAULT_FLAP_LOW_THRESHOLD;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .bool("enabled")
    .describe("keep each check's history (last 100 runs, 7 days of transitions), availability and flap detection")
    .number("flapHighThreshold", "flapLowThreshold").range(0, 100)
    .describe("percent of state change over the last 21 results at which a check starts flapping / below which it"
      + " stops (Nagios'); the low one not above the high one")
    .text("instance").defaultShown("the machine's host name")
    .describe("this instance's name in the history store: the rows it writes and the ones it reads back at start")
    .duration("flushInterval").range(100, 3_600_000)
    .describe("how often finished minutes and transitions are written to the history store, in one batch")
    .integer("bufferSize").range(1, 10_000_000)
    .describe("most rows held for the history store while it fails (a check writes one a minute); beyond, the"
      + " oldest are dropped and counted");

  /** Default options. */
  public HistoryOptions() {
  }

  /** @param other options to copy */
  public HistoryOptions(HistoryOptions other) {
    this.enabled = other.enabled;
    this.flapHighThreshold = other.flapHighThreshold;
    this.flapLowThreshold = other.flapLowThreshold;
    this.instance = other.instance;
    this.flushInterval = other.flushInterval;
    this.bufferSize = other.bufferSize;
  }

  /**
   * @param json the JSON form described on this class
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid, or when the low
   *                                  threshold is above the high one
   */
  public HistoryOptions(JsonObject json) {
    HistoryOptionsConverter.fromJson(FORM.read(json), this);
    if (flapLowThreshold > flapHighThreshold) {
      throw new IllegalArgumentException("flapLowThreshold: must not be above flapHighThreshold ("
        + flapHighThreshold + "), got " + flapLowThreshold);
    }
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new HistoryOptions().toJson());
  }

  /** @return the JSON form described on this class */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    HistoryOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return whether runs, transitions and availability are recorded and flapping detected */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * @param enabled whether runs, transitions and availability are recorded and flapping detected; off, a registry
   *                keeps nothing but the latest result of each check
   * @return this
   */
  public HistoryOptions setEnabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  /** @return the percent of state change at which a check starts flapping */
  public double getFlapHighThreshold() {
    return flapHighThreshold;
  }

  /**
   * @param flapHighThreshold the percent of state change (0 to 100) at which a check starts flapping
   * @return this
   * @throws IllegalArgumentException when outside 0 to 100
   */
  public HistoryOptions setFlapHighThreshold(double flapHighThreshold) {
    this.flapHighThreshold = percent(flapHighThreshold, "flapHighThreshold");
    return this;
  }

  /** @return the percent of state change below which a flapping check stops flapping */
  public double getFlapLowThreshold() {
    return flapLowThreshold;
  }

  /**
   * @param flapLowThreshold the percent of state change (0 to 100) below which a flapping check stops flapping;
   *                         not above the high threshold
   * @return this
   * @throws IllegalArgumentException when outside 0 to 100
   */
  public HistoryOptions setFlapLowThreshold(double flapLowThreshold) {
    this.flapLowThreshold = percent(flapLowThreshold, "flapLowThreshold");
    return this;
  }

  /**
   * @return this instance's name in the history store, {@code null} for the machine's host name
   */
  public String getInstance() {
    return instance;
  }

  /**
   * @param instance this instance's name in the {@link HistoryStore}: the rows it writes carry it and those it
   *                 reads back at start are its own; instances sharing a store need distinct names; {@code null}
   *                 for the machine's host name (looked up only when the registry has a store)
   * @return this
   * @throws IllegalArgumentException when blank or longer than 200 characters
   */
  public HistoryOptions setInstance(String instance) {
    if (instance != null && (instance.isBlank() || instance.length() > 200)) {
      throw new IllegalArgumentException("instance: expected a name of 1 to 200 characters, got '" + instance + "'");
    }
    this.instance = instance;
    return this;
  }

  /** @return how often finished minutes and transitions are written to the history store, in ms */
  public long getFlushInterval() {
    return flushInterval;
  }

  /**
   * @param flushInterval how often finished minutes and transitions are written to the history store, in one
   *                      batch, in ms (100 ms to 1 h)
   * @return this
   * @throws IllegalArgumentException when outside 100 ms to 1 h
   */
  public HistoryOptions setFlushInterval(long flushInterval) {
    if (flushInterval < 100 || flushInterval > 3_600_000) {
      throw new IllegalArgumentException("flushInterval: expected 100 ms to 1 h, got '" + flushInterval + "'");
    }
    this.flushInterval = flushInterval;
    return this;
  }

  /** @return the most rows held for the history store while it fails */
  public int getBufferSize() {
    return bufferSize;
  }

  /**
   * @param bufferSize the most rows (minute rollups and transitions) held while the history store fails, flushed
   *                   once it answers again; beyond, the oldest are dropped and counted
   *                   ({@link CheckRegistry#historyRecording()}); 1 to 10,000,000
   * @return this
   * @throws IllegalArgumentException when outside 1 to 10,000,000
   */
  public HistoryOptions setBufferSize(int bufferSize) {
    if (bufferSize < 1 || bufferSize > 10_000_000) {
      throw new IllegalArgumentException("bufferSize: expected 1 to 10000000, got '" + bufferSize + "'");
    }
    this.bufferSize = bufferSize;
    return this;
  }

  private static double percent(double value, String field) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException(field + ": must be a percent from 0 to 100, got " + value);
    }
    return value;
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
