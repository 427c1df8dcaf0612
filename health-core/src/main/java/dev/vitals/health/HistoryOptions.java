package dev.vitals.health;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * What a {@link CheckRegistry} remembers of each check's past, and when it calls a check flapping.
 *
 * <p>JSON form: {@code {"enabled": true, "flapHighThreshold": 20, "flapLowThreshold": 5}}. The bounds per check
 * are fixed: the last {@value #RECENT_RUNS} runs, the status transitions of the last 7 days (at most
 * {@value #MAX_TRANSITIONS}, the oldest dropped first), outputs cut to {@value #MAX_OUTPUT_LENGTH} characters.
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

  private boolean enabled = DEFAULT_ENABLED;
  private double flapHighThreshold = DEFAULT_FLAP_HIGH_THRESHOLD;
  private double flapLowThreshold = DEFAULT_FLAP_LOW_THRESHOLD;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .bool("enabled")
    .describe("keep each check's history (last 100 runs, 7 days of transitions), availability and flap detection")
    .number("flapHighThreshold", "flapLowThreshold").range(0, 100)
    .describe("percent of state change over the last 21 results at which a check starts flapping / below which it"
      + " stops (Nagios'); the low one not above the high one");

  /** Default options. */
  public HistoryOptions() {
  }

  /** @param other options to copy */
  public HistoryOptions(HistoryOptions other) {
    this.enabled = other.enabled;
    this.flapHighThreshold = other.flapHighThreshold;
    this.flapLowThreshold = other.flapLowThreshold;
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
