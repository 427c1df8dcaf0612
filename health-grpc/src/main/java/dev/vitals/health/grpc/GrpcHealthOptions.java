package dev.vitals.health.grpc;

import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * Options of a {@link GrpcHealth}. JSON form, every field optional:
 * <pre>{@code
 * {"maxWatches": 1024}   // Watch streams open at once; one more is refused with RESOURCE_EXHAUSTED
 * }</pre>
 */
@DataObject
@JsonGen(publicConverter = false)
public class GrpcHealthOptions {

  /** Default number of {@code Watch} streams open at once: 1024, {@code http.maxInFlight}'s default. */
  public static final int DEFAULT_MAX_WATCHES = 1024;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .integer("maxWatches").range(0, Integer.MAX_VALUE)
    .describe("`Watch` streams open at once; one more is answered `RESOURCE_EXHAUSTED`; 0 refuses every `Watch`");

  private int maxWatches = DEFAULT_MAX_WATCHES;

  /** Default options. */
  public GrpcHealthOptions() {
  }

  /** @param other options to copy */
  public GrpcHealthOptions(GrpcHealthOptions other) {
    maxWatches = other.maxWatches;
  }

  /**
   * @param json the JSON form; absent keys keep their defaults
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid
   */
  public GrpcHealthOptions(JsonObject json) {
    GrpcHealthOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new GrpcHealthOptions().toJson());
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    GrpcHealthOptionsConverter.toJson(this, json);
    return FORM.write(json);
  }

  /** @return how many {@code Watch} streams may be open at once */
  public int getMaxWatches() {
    return maxWatches;
  }

  /**
   * @param maxWatches how many {@code Watch} streams may be open at once, {@code >= 0}; beyond it a new one is
   *                   answered {@code RESOURCE_EXHAUSTED}; 0 refuses every {@code Watch}
   * @return this
   * @throws IllegalArgumentException {@code "maxWatches: must not be negative, got <n>"}
   */
  public GrpcHealthOptions setMaxWatches(int maxWatches) {
    if (maxWatches < 0) {
      throw new IllegalArgumentException("maxWatches: must not be negative, got " + maxWatches);
    }
    this.maxWatches = maxWatches;
    return this;
  }
}
