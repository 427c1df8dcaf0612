package dev.vitals.health.checks;

import dev.vitals.health.checks.impl.Limits;
import dev.vitals.health.impl.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * The threshold of an {@link EventLoopCheck}. JSON form: {@code {"maxDelay": "200ms"}}; keys it does not know
 * are left to the check's {@code CheckOptions}.
 */
@DataObject
@JsonGen(publicConverter = false)
public class EventLoopCheckOptions {

  /** Default {@code maxDelay}: 200 ms, far above the lateness of a healthy event loop (under 10 ms). */
  public static final long DEFAULT_MAX_DELAY = 200;

  private static final JsonForm FORM = JsonForm.of("").open().duration("maxDelay");

  private long maxDelay = DEFAULT_MAX_DELAY;

  /** Default options: 200 ms. */
  public EventLoopCheckOptions() {
  }

  /** @param other options to copy */
  public EventLoopCheckOptions(EventLoopCheckOptions other) {
    maxDelay = other.maxDelay;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException {@code maxDelay: ...} when it is not a duration
   */
  public EventLoopCheckOptions(JsonObject json) {
    EventLoopCheckOptionsConverter.fromJson(FORM.read(json), this);
  }

  /** @return the JSON form, {@code maxDelay} in ms */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    EventLoopCheckOptionsConverter.toJson(this, json);
    return json;
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
}
