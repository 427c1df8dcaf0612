package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
import dev.vitals.health.checks.impl.Limits;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * Which certificate a {@link TlsCheck} looks at, and when it warns. JSON form: {@code {"host": "api.example.com",
 * "port": 443, "serverName": "api.example.com", "warnBefore": "14d"}}; keys it does not know are left to the
 * check's {@code CheckOptions}, whose {@code timeout} is the connect and handshake timeout.
 */
@DataObject
@JsonGen(publicConverter = false)
public class TlsCheckOptions {

  /** Default {@code port}: 443. */
  public static final int DEFAULT_PORT = 443;
  /** Default {@code warnBefore}: 14 days (1209600000 ms) before a certificate of the chain expires. */
  public static final long DEFAULT_WARN_BEFORE = 14L * 24 * 3600 * 1000;

  private static final JsonForm FORM = JsonForm.of("").open()
    .text("host").required().describe("the host name or address to connect to")
    .integer("port").range(1, 65535).describe("the port to connect to")
    .text("serverName").defaultShown("the host")
    .describe("the name sent as SNI and that the certificate must hold, a DNS name or an IP address")
    .duration("warnBefore").describe("how long before a certificate's expiry the check warns");

  private String host;
  private int port = DEFAULT_PORT;
  private String serverName;
  private long warnBefore = DEFAULT_WARN_BEFORE;

  /** Options without a host, to set. */
  public TlsCheckOptions() {
  }

  /** @param other options to copy */
  public TlsCheckOptions(TlsCheckOptions other) {
    host = other.host;
    port = other.port;
    serverName = other.serverName;
    warnBefore = other.warnBefore;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a value is invalid or {@code host} is missing
   */
  public TlsCheckOptions(JsonObject json) {
    TlsCheckOptionsConverter.fromJson(FORM.read(json), this);
    if (host == null) {
      throw new IllegalArgumentException("host: required field missing");
    }
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    TlsCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new TlsCheckOptions().toJson());
  }

  /** @return the host to connect to */
  public String getHost() {
    return host;
  }

  /**
   * @param host a host name or address
   * @return this
   */
  public TlsCheckOptions setHost(String host) {
    this.host = host;
    return this;
  }

  /** @return the port to connect to; default 443 */
  public int getPort() {
    return port;
  }

  /**
   * @param port from 1 to 65535
   * @return this
   * @throws IllegalArgumentException when out of range
   */
  public TlsCheckOptions setPort(int port) {
    this.port = Limits.port(port, "port");
    return this;
  }

  /** @return the name sent as SNI and that the certificate must hold, or {@code null} for the host */
  public String getServerName() {
    return serverName;
  }

  /**
   * @param serverName the name sent as SNI and that the certificate must hold (a DNS name or an IP address), when
   *                   it is not the host connected to
   * @return this
   */
  public TlsCheckOptions setServerName(String serverName) {
    this.serverName = serverName;
    return this;
  }

  /** @return how long before a certificate's expiry the check warns, in ms; default 14 days */
  public long getWarnBefore() {
    return warnBefore;
  }

  /**
   * @param warnBefore how long before a certificate's expiry the check warns, in ms, {@code >= 0}
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public TlsCheckOptions setWarnBefore(long warnBefore) {
    this.warnBefore = Limits.nonNegative(warnBefore, "warnBefore");
    return this;
  }

}
