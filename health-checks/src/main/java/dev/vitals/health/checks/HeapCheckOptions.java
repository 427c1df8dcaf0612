package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * The threshold of a {@link HeapCheck}. JSON form: {@code {"maxUsed": 0.9}}; keys it does not know are left to
 * the check's {@code CheckOptions}.
 */
@DataObject
@JsonGen(publicConverter = false)
public class HeapCheckOptions {

  /** Default {@code maxUsed}: 0.9 of the maximum heap. */
  public static final double DEFAULT_MAX_USED = 0.9;

  private static final JsonForm FORM = JsonForm.of("").open()
    .number("maxUsed").constrain("exclusiveMinimum", 0).constrain("maximum", 1)
    .describe("the largest ratio of used to maximum heap that passes");

  private double maxUsed = DEFAULT_MAX_USED;

  /** Default options: 0.9. */
  public HeapCheckOptions() {
  }

  /** @param other options to copy */
  public HeapCheckOptions(HeapCheckOptions other) {
    maxUsed = other.maxUsed;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException {@code maxUsed: expected a number, got '<value>'}, or {@code maxUsed: ...} when
   *                                  it is not a ratio in (0, 1]
   */
  public HeapCheckOptions(JsonObject json) {
    HeapCheckOptionsConverter.fromJson(FORM.read(json), this);
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    HeapCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new HeapCheckOptions().toJson());
  }

  /** @return the largest ratio of used to maximum heap that passes */
  public double getMaxUsed() {
    return maxUsed;
  }

  /**
   * @param maxUsed a ratio greater than 0 and at most 1
   * @return this
   * @throws IllegalArgumentException {@code maxUsed: ...} when out of range
   */
  public HeapCheckOptions setMaxUsed(double maxUsed) {
    if (!(maxUsed > 0 && maxUsed <= 1)) {
      throw new IllegalArgumentException("maxUsed: expected a ratio greater than 0 and at most 1, got '" + maxUsed + "'");
    }
    this.maxUsed = maxUsed;
    return this;
  }
}
