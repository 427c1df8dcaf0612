package dev.vitals.health.alerts.channels;

import dev.vitals.health.JsonForm;
import dev.vitals.health.alerts.channels.impl.Valid;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * How notifications reach a channel, whatever its type: the keys every entry of {@code alerts.channels} takes beside
 * {@code type} and {@code name}. JSON form:
 * <pre>{@code
 * {"timeout": "5s",           // one delivery's limit (connecting, sending, the answer), ms or a duration string
 *  "maxQueued": 1000,         // notifications waiting; a new one beyond is dropped and counted
 *  "retries": 3,              // retries after the first try, each after a jittered, doubling delay
 *  "retryDelay": "1s",        // the delay before the first retry: drawn in [d/2, d], d doubled each retry
 *  "failuresToOpen": 5,       // failed tries within a minute that open the circuit
 *  "resetTimeout": "30s"}     // how long the circuit stays open before one try is let through (half-open)
 * }</pre>
 * While the circuit is open, notifications are not tried: each is counted as failed at once.
 */
@DataObject
@JsonGen(publicConverter = false)
public class DeliveryOptions {

  /** Default limit of one delivery: 5000 ms. */
  public static final long DEFAULT_TIMEOUT = 5_000;
  /** Default most notifications waiting: 1000. */
  public static final int DEFAULT_MAX_QUEUED = 1000;
  /** Default retries after the first try: 3. */
  public static final int DEFAULT_RETRIES = 3;
  /** Default delay before the first retry: 1000 ms. */
  public static final long DEFAULT_RETRY_DELAY = 1_000;
  /** Default failed tries within a minute that open the circuit: 5. */
  public static final int DEFAULT_FAILURES_TO_OPEN = 5;
  /** Default time the circuit stays open: 30000 ms. */
  public static final long DEFAULT_RESET_TIMEOUT = 30_000;

  static final JsonForm FORM = JsonForm.of("").open()
    .duration("timeout").describe("one delivery's limit: connecting, sending and the answer")
    .integer("maxQueued").range(1, 1_000_000)
    .describe("notifications waiting for the channel; a new one beyond is dropped and counted")
    .integer("retries").range(0, 10).describe("retries after the first try of a notification")
    .duration("retryDelay").describe("the delay before the first retry, doubled for each next one, each drawn in "
      + "[delay/2, delay]")
    .integer("failuresToOpen").range(1, 1000)
    .describe("failed tries within a minute that open the circuit: while open, notifications fail at once")
    .duration("resetTimeout").describe("how long the circuit stays open before one try is let through");

  private long timeout = DEFAULT_TIMEOUT;
  private int maxQueued = DEFAULT_MAX_QUEUED;
  private int retries = DEFAULT_RETRIES;
  private long retryDelay = DEFAULT_RETRY_DELAY;
  private int failuresToOpen = DEFAULT_FAILURES_TO_OPEN;
  private long resetTimeout = DEFAULT_RESET_TIMEOUT;

  /** The defaults. */
  public DeliveryOptions() {
  }

  /** @param other options to copy */
  public DeliveryOptions(DeliveryOptions other) {
    this(other.toJson());
  }

  /**
   * @param json the JSON form; keys it does not know are left to the channel's type
   * @throws IllegalArgumentException naming the field when a value is invalid
   */
  public DeliveryOptions(JsonObject json) {
    DeliveryOptionsConverter.fromJson(FORM.read(json), this);
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new DeliveryOptions().toJson());
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    DeliveryOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return one delivery's limit, in ms */
  public long getTimeout() {
    return timeout;
  }

  /**
   * @param timeout one delivery's limit, in ms, at least 1
   * @return this
   * @throws IllegalArgumentException {@code timeout: expected at least 1, got '0'}
   */
  public DeliveryOptions setTimeout(long timeout) {
    this.timeout = Valid.range("timeout", timeout, 1, Long.MAX_VALUE);
    return this;
  }

  /** @return the most notifications waiting */
  public int getMaxQueued() {
    return maxQueued;
  }

  /**
   * @param maxQueued the most notifications waiting, from 1 to 1000000
   * @return this
   * @throws IllegalArgumentException {@code maxQueued: expected from 1 to 1000000, got '0'}
   */
  public DeliveryOptions setMaxQueued(int maxQueued) {
    this.maxQueued = (int) Valid.range("maxQueued", maxQueued, 1, 1_000_000);
    return this;
  }

  /** @return retries after the first try */
  public int getRetries() {
    return retries;
  }

  /**
   * @param retries retries after the first try, from 0 to 10
   * @return this
   * @throws IllegalArgumentException {@code retries: expected from 0 to 10, got '11'}
   */
  public DeliveryOptions setRetries(int retries) {
    this.retries = (int) Valid.range("retries", retries, 0, 10);
    return this;
  }

  /** @return the delay before the first retry, in ms */
  public long getRetryDelay() {
    return retryDelay;
  }

  /**
   * @param retryDelay the delay before the first retry, in ms, at least 1; doubled for each next one, and each
   *                   delay drawn in [delay/2, delay] so that channels retrying together spread out
   * @return this
   * @throws IllegalArgumentException {@code retryDelay: expected at least 1, got '0'}
   */
  public DeliveryOptions setRetryDelay(long retryDelay) {
    this.retryDelay = Valid.range("retryDelay", retryDelay, 1, Long.MAX_VALUE);
    return this;
  }

  /** @return failed tries within a minute that open the circuit */
  public int getFailuresToOpen() {
    return failuresToOpen;
  }

  /**
   * @param failuresToOpen failed tries within a minute that open the circuit, from 1 to 1000
   * @return this
   * @throws IllegalArgumentException {@code failuresToOpen: expected from 1 to 1000, got '0'}
   */
  public DeliveryOptions setFailuresToOpen(int failuresToOpen) {
    this.failuresToOpen = (int) Valid.range("failuresToOpen", failuresToOpen, 1, 1000);
    return this;
  }

  /** @return how long the circuit stays open before one try is let through, in ms */
  public long getResetTimeout() {
    return resetTimeout;
  }

  /**
   * @param resetTimeout how long the circuit stays open before one try is let through, in ms, at least 1
   * @return this
   * @throws IllegalArgumentException {@code resetTimeout: expected at least 1, got '0'}
   */
  public DeliveryOptions setResetTimeout(long resetTimeout) {
    this.resetTimeout = Valid.range("resetTimeout", resetTimeout, 1, Long.MAX_VALUE);
    return this;
  }
}
