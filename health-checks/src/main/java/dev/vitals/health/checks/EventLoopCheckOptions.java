package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
import dev.vitals.health.checks.impl.Limits;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * The threshold of an {@link EventLoopCheck} and its start-up period. JSON form:
 * {@code {"maxDelay": "200ms", "startupGrace": "10s"}}; keys it does not know are left to the check's
 * {@code CheckOptions}.
 */
@DataObject
@JsonGen(publicConverter = false)
public class EventLoopCheckOptions {

  /** Default {@code maxDelay}: 200 ms, far above the lateness of a healthy event loop (under 10 ms). */
  public static final long DEFAULT_MAX_DELAY = 200;

  /**
   * Default {@code startupGrace}: 10000 ms. A fresh JVM's event loop is late while it loads classes: about 2 s at
   * the standalone's start on a busy 2-core machine, and again on the first requests. As a Kubernetes
   * {@code initialDelaySeconds} or an ECS health check grace period, the lateness within it is not judged.
   */
  public static final long DEFAULT_STARTUP_GRACE = 10_000;

  private static final JsonForm FORM = JsonForm.of("").open()
    .duration("maxDelay").describe("the largest lateness of the last 10 timers (one every 100 ms) that passes")
    .duration("startupGrace").describe("lateness within this time of the check's creation (class loading) is not "
      + "judged; a loop blocked past it is");

  private long maxDelay = DEFAULT_MAX_DELAY;
  private long startupGrace = DEFAULT_STARTUP_GRACE;

  /** Default options: 200 ms, a start-up grace of 10 s. */
  public EventLoopCheckOptions() {
  }

  /** @param other options to copy */
  public EventLoopCheckOptions(EventLoopCheckOptions other) {
    maxDelay = other.maxDelay;
    startupGrace = other.startupGrace;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException {@code maxDelay: ...} or {@code startupGrace: ...} when it is not a duration
   */
  public EventLoopCheckOptions(JsonObject json) {
    EventLoopCheckOptionsConverter.fromJson(FORM.read(json), this);
  }

  /** @return the JSON form, {@code maxDelay} and {@code startupGrace} in ms */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    EventLoopCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new EventLoopCheckOptions().toJson());
  }

  /** @return the largest recent delay that passes, in ms */
  public long getMaxDelay() {
    return maxDelay;
  }

  /**
   * @param maxDelay the largest recent delay that passes, in ms, {@code >= 0}
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public EventLoopCheckOptions setMaxDelay(long maxDelay) {
    this.maxDelay = Limits.nonNegative(maxDelay, "maxDelay");
    return this;
  }

  /** @return how long after the check's creation the event loop's lateness is not judged, in ms */
  public long getStartupGrace() {
    return startupGrace;
  }

  /**
   * @param startupGrace how long after the check's creation the event loop's lateness is not judged, in ms,
   *                     {@code >= 0}; 0 judges every sample. A timer due before its end and firing after it counts
   *                     only its lateness after the end, so a loop blocked past the grace still fails the check.
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public EventLoopCheckOptions setStartupGrace(long startupGrace) {
    this.startupGrace = Limits.nonNegative(startupGrace, "startupGrace");
    return this;
  }
}
