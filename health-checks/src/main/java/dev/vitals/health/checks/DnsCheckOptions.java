package dev.vitals.health.checks;

import dev.vitals.health.JsonForm;
import dev.vitals.health.checks.impl.Limits;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link DnsCheck} resolves, and with which server. JSON form: {@code {"host": "db.internal",
 * "ipv6": false, "expected": ["10.0.0.5"], "server": "10.0.0.2", "serverPort": 53}}; keys it does not know are left
 * to the check's {@code CheckOptions}, whose {@code timeout} is the query timeout.
 */
@DataObject
@JsonGen(publicConverter = false)
public class DnsCheckOptions {

  /** Default {@code serverPort}: 53. */
  public static final int DEFAULT_SERVER_PORT = 53;

  private static final JsonForm FORM = JsonForm.of("").open()
    .text("host").required().describe("the name to resolve")
    .bool("ipv6").describe("whether AAAA records are asked for instead of A records")
    .strings("expected").describe("addresses one of which the answer must hold; empty: any answer passes")
    .text("server").defaultShown("the system's").describe("the DNS server to ask, an address")
    .integer("serverPort").range(1, 65535).describe("the DNS server's port");

  private String host;
  private boolean ipv6;
  private List<String> expected = new ArrayList<>();
  private String server;
  private int serverPort = DEFAULT_SERVER_PORT;

  /** Options without a host, to set. */
  public DnsCheckOptions() {
  }

  /** @param other options to copy */
  public DnsCheckOptions(DnsCheckOptions other) {
    host = other.host;
    ipv6 = other.ipv6;
    expected = new ArrayList<>(other.expected);
    server = other.server;
    serverPort = other.serverPort;
  }

  /**
   * @param json the JSON form
   * @throws IllegalArgumentException naming the field when a value is invalid or {@code host} is missing
   */
  public DnsCheckOptions(JsonObject json) {
    DnsCheckOptionsConverter.fromJson(FORM.read(json), this);
    if (host == null) {
      throw new IllegalArgumentException("host: required field missing");
    }
  }

  /** @return the JSON form */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    DnsCheckOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema} */
  public static JsonObject schema() {
    return FORM.schema(new DnsCheckOptions().toJson());
  }

  /** @return the name to resolve */
  public String getHost() {
    return host;
  }

  /**
   * @param host the name to resolve
   * @return this
   */
  public DnsCheckOptions setHost(String host) {
    this.host = host;
    return this;
  }

  /** @return whether AAAA records are asked for instead of A records */
  public boolean isIpv6() {
    return ipv6;
  }

  /**
   * @param ipv6 {@code true} to ask for AAAA records instead of A records
   * @return this
   */
  public DnsCheckOptions setIpv6(boolean ipv6) {
    this.ipv6 = ipv6;
    return this;
  }

  /** @return the addresses one of which the answer must hold; empty: any answer passes; unmodifiable */
  public List<String> getExpected() {
    return Collections.unmodifiableList(expected);
  }

  /**
   * @param expected addresses one of which the answer must hold; empty for any
   * @return this
   */
  public DnsCheckOptions setExpected(List<String> expected) {
    this.expected = new ArrayList<>(Objects.requireNonNull(expected, "expected"));
    return this;
  }

  /** @return the DNS server asked, or {@code null} for the system's first one */
  public String getServer() {
    return server;
  }

  /**
   * @param server the DNS server to ask (an address), or {@code null} for the system's first one
   * @return this
   */
  public DnsCheckOptions setServer(String server) {
    this.server = server;
    return this;
  }

  /** @return the DNS server's port; default 53 */
  public int getServerPort() {
    return serverPort;
  }

  /**
   * @param serverPort from 1 to 65535
   * @return this
   * @throws IllegalArgumentException when out of range
   */
  public DnsCheckOptions setServerPort(int serverPort) {
    this.serverPort = Limits.port(serverPort, "serverPort");
    return this;
  }

}
