package dev.vitals.health;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * How a passive check (one that is reported to rather than run, see {@link PassiveChecks}) judges silence.
 * JSON form: {@code {"period": "1m", "grace": "30s", "token": "..."}}; durations as in {@link Durations}.
 */
@DataObject
@JsonGen(publicConverter = false)
public class PassiveOptions {

  /** Default expected period between reports: 60000 ms. */
  public static final long DEFAULT_PERIOD = 60_000;
  /** Default grace after the period before silence fails the check: 30000 ms. */
  public static final long DEFAULT_GRACE = 30_000;

  private long period = DEFAULT_PERIOD;
  private long grace = DEFAULT_GRACE;
  private String token;

  /** The JSON form, read before the generated converter; other keys are the check's {@link CheckOptions}'. */
  private static final JsonForm FORM = JsonForm.of("").open()
    .duration("period").describe("the expected time between two reports")
    .duration("grace").describe("how long after the period silence is tolerated before it fails the check")
    .text("token").secret()
    .describe("a token that may report to this check besides the admin token, as a bearer token or a Basic password");

  /** Default options: a report a minute, 30 s of grace, no token of its own. */
  public PassiveOptions() {
  }

  /** @param other options to copy */
  public PassiveOptions(PassiveOptions other) {
    this.period = other.period;
    this.grace = other.grace;
    this.token = other.token;
  }

  /**
   * @param json the JSON form; other keys are ignored (they belong to the check's {@link CheckOptions})
   * @throws IllegalArgumentException naming the field when a value is invalid
   */
  public PassiveOptions(JsonObject json) {
    PassiveOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new PassiveOptions().toJson());
  }

  /** @return the JSON form, token included */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    PassiveOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the expected time between reports, in ms */
  public long getPeriod() {
    return period;
  }

  /**
   * @param period the expected time between reports, in ms, {@code > 0}
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  public PassiveOptions setPeriod(long period) {
    if (period <= 0) {
      throw new IllegalArgumentException("period: must be positive, got " + period + " ms");
    }
    this.period = period;
    return this;
  }

  /** @return how long after the period silence is tolerated, in ms */
  public long getGrace() {
    return grace;
  }

  /**
   * @param grace how long after the period silence is tolerated, in ms, {@code >= 0}
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public PassiveOptions setGrace(long grace) {
    if (grace < 0) {
      throw new IllegalArgumentException("grace: must not be negative, got " + grace + " ms");
    }
    this.grace = grace;
    return this;
  }

  /** @return the token that may report to this check (besides the admin token), or {@code null} */
  public String getToken() {
    return token;
  }

  /**
   * @param token a token that may report to this check, as a bearer token or a Basic password
   * @return this
   * @throws IllegalArgumentException when blank
   */
  public PassiveOptions setToken(String token) {
    if (Objects.requireNonNull(token, "token").isBlank()) {
      throw new IllegalArgumentException("token: expected a non-empty string");
    }
    this.token = token;
    return this;
  }
}
