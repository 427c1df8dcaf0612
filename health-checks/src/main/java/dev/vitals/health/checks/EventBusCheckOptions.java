package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * Where an {@link EventBusCheck} sends its request. JSON form: {@code {"address": "orders.ping", "message":
 * "ping"}}; keys it does not know are left to the check's {@code CheckOptions}, whose {@code timeout} is how long
 * the reply may take.
 */
@DataObject
@JsonGen(publicConverter = false)
public class EventBusCheckOptions {

  private static final JsonForm FORM = JsonForm.of("").open()
    .text("address").required().describe("the address a consumer listens on, locally or across the cluster")
    .string("message").describe("the request's body; none when absent");

  private String address;
  private String message;

  /** Options without an address, to set. */
  public EventBusCheckOptions() {
  }

  /** @param other options to copy */
  public EventBusCheckOptions(EventBusCheckOptions other) {
    address = other.address;
    message = other.message;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a value is invalid or {@code address} is missing
   */
  public EventBusCheckOptions(JsonObject json) {
    EventBusCheckOptionsConverter.fromJson(FORM.read(json), this);
    if (address == null) {
      throw new IllegalArgumentException("address: required field missing");
    }
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    EventBusCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new EventBusCheckOptions().toJson());
  }

  /** @return the address the request is sent to */
  public String getAddress() {
    return address;
  }

  /**
   * @param address the address a consumer listens on, locally or across the cluster
   * @return this
   * @throws IllegalArgumentException {@code address: ...} when blank
   */
  public EventBusCheckOptions setAddress(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("address: expected a non-empty string");
    }
    this.address = address;
    return this;
  }

  /** @return the request's body, or {@code null} for none */
  public String getMessage() {
    return message;
  }

  /**
   * @param message the request's body (a string), or {@code null} to send none
   * @return this
   */
  public EventBusCheckOptions setMessage(String message) {
    this.message = message;
    return this;
  }

}
