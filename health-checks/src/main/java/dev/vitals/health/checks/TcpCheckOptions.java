package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
import dev.vitals.health.checks.impl.Limits;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * Where a {@link TcpCheck} connects. JSON form: {@code {"host": "db.internal", "port": 5432}}; keys it does not
 * know are left to the check's {@code CheckOptions}, whose {@code timeout} is the connect timeout.
 */
@DataObject
@JsonGen(publicConverter = false)
public class TcpCheckOptions {

  private static final JsonForm FORM = JsonForm.of("").open()
    .text("host").required().describe("the host name or address to connect to")
    .integer("port").range(1, 65535).required().describe("the port to connect to");

  private String host;
  private int port;

  /** Options without a host or port, to set. */
  public TcpCheckOptions() {
  }

  /** @param other options to copy */
  public TcpCheckOptions(TcpCheckOptions other) {
    host = other.host;
    port = other.port;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a value is invalid, or {@code host} or {@code port} is
   *                                  missing
   */
  public TcpCheckOptions(JsonObject json) {
    TcpCheckOptionsConverter.fromJson(FORM.read(json), this);
    if (host == null) {
      throw new IllegalArgumentException("host: required field missing");
    }
    if (port == 0) {
      throw new IllegalArgumentException("port: required field missing");
    }
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    TcpCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form; see {@link JsonForm#schema}. No defaults: both keys
   * are required
   */
  public static JsonObject schema() {
    return FORM.schema(new JsonObject());
  }

  /** @return the host to connect to */
  public String getHost() {
    return host;
  }

  /**
   * @param host a host name or address
   * @return this
   */
  public TcpCheckOptions setHost(String host) {
    this.host = host;
    return this;
  }

  /** @return the port to connect to */
  public int getPort() {
    return port;
  }

  /**
   * @param port from 1 to 65535
   * @return this
   * @throws IllegalArgumentException {@code port: ...} when out of range
   */
  public TcpCheckOptions setPort(int port) {
    this.port = Limits.port(port, "port");
    return this;
  }

}
