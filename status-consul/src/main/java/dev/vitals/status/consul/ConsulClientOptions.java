package dev.vitals.status.consul;

import dev.vitals.health.Durations;
import dev.vitals.health.JsonForm;
import dev.vitals.status.consul.impl.AgentAddress;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach the Consul agent, and how every request and watch sent to it behaves, for {@link ConsulMaintenance}
 * and {@link ConsulFleet} alike: the counterpart of vertx-consul-client's {@code ConsulClientOptions}, which its
 * {@code Watch} takes as well. What maintenance alone asks is in {@link ConsulMaintenanceOptions}. Durations are in
 * milliseconds; in JSON they may also be strings such as {@code "500ms"}, {@code "30s"} or {@code "5m"} (see
 * {@link Durations}).
 *
 * <p>Besides the connection (address, TLS, ACL token, datacenter) and the request timeout, four keys here are the
 * watch loop's, and {@code nodeName} is the agent's own, because both watches use them alike: {@code wait} is the
 * {@code ?wait=} of every blocking query (and {@code requestTimeout} counts from it), {@code minInterval} and the
 * backoff are the two delays between the requests of a watch (after an answer, after a fault), and
 * {@code nodeName} names the agent's node, which maintenance watches (the agent switches its own node) and the
 * fleet marks as {@code self}.
 *
 * <p>JSON form (with {@link ConsulMaintenanceOptions}', the standalone config's {@code consul} object), every key
 * optional, shown with its default (plain {@code <pre>}, not a code tag: vertx-codegen's doc parser overflows its
 * stack on a code tag this long):
 * <pre>
 * {
 *   "address": "http://127.0.0.1:8500",  // host:port, http://host:port or https://host:port
 *   "ssl": false,                        // https even when the address says http (CONSUL_HTTP_SSL)
 *   "caFile": null,                      // PEM CA bundle that signs the agent's certificate (CONSUL_CACERT)
 *   "clientCert": null,                  // PEM client certificate (CONSUL_CLIENT_CERT), needs clientKey
 *   "clientKey": null,                   // PEM private key of clientCert (CONSUL_CLIENT_KEY)
 *   "token": null,                       // ACL token sent as X-Consul-Token (CONSUL_HTTP_TOKEN)
 *   "tokenFile": null,                   // file holding the token; wins over token (CONSUL_HTTP_TOKEN_FILE)
 *   "datacenter": null,                  // sent as ?dc=; null means the agent's own
 *   "nodeName": null,                    // null means the agent's Config.NodeName from /v1/agent/self
 *   "wait": "5m",                        // blocking query wait, Consul's default; at most 10m
 *   "requestTimeout": "10s",             // see getRequestTimeout()
 *   "backoffInitial": "1s",              // first retry delay after a fault
 *   "backoffMax": "60s",                 // cap of the doubling retry delay
 *   "minInterval": "100ms"               // least time between two watch requests
 * }
 * </pre>
 * The defaults are the Consul CLI's where it has one ({@code address}, {@code ssl}, no token, the agent's
 * datacenter), Consul's own for {@code wait} (its blocking query documentation), consul-template's rate for
 * {@code minInterval}, and ours for the timeout and the backoff. Invalid values fail with an
 * {@link IllegalArgumentException} naming the field, such as {@code consul.wait: invalid duration 'soon', ...};
 * unknown keys fail too, so that a typo is not silently ignored. {@link #fromEnvironment(Map)} reads the Consul
 * CLI's environment variables.
 */
@DataObject
@JsonGen(publicConverter = false)
public class ConsulClientOptions {

  /** Default agent address, the Consul CLI's: {@code http://127.0.0.1:8500}. */
  public static final String DEFAULT_ADDRESS = "http://127.0.0.1:8500";
  /** Default TLS switch: off, as {@code CONSUL_HTTP_SSL} unset. */
  public static final boolean DEFAULT_SSL = false;
  /** Default blocking query wait: 300000 ms (5 min), Consul's own default. */
  public static final long DEFAULT_WAIT = 300_000;
  /** Longest blocking query wait Consul honours: 600000 ms (10 min). */
  public static final long MAX_WAIT = 600_000;
  /** Default request timeout: 10000 ms (ours; the Consul CLI sets none). */
  public static final long DEFAULT_REQUEST_TIMEOUT = 10_000;
  /** Default first retry delay after a fault: 1000 ms. */
  public static final long DEFAULT_BACKOFF_INITIAL = 1_000;
  /** Default cap of the retry delay: 60000 ms. */
  public static final long DEFAULT_BACKOFF_MAX = 60_000;
  /** Default least time between two watch requests: 100 ms, the rate consul-template limits itself to. */
  public static final long DEFAULT_MIN_INTERVAL = 100;

  /** What messages put before a field's name: these options are part of the standalone config's {@code consul}. */
  private static final String PREFIX = "consul.";

  private String address = DEFAULT_ADDRESS;
  private boolean ssl = DEFAULT_SSL;
  private String caFile;
  private String clientCert;
  private String clientKey;
  private String token;
  private String tokenFile;
  private String datacenter;
  private String nodeName;
  private long wait = DEFAULT_WAIT;
  private long requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  private long backoffInitial = DEFAULT_BACKOFF_INITIAL;
  private long backoffMax = DEFAULT_BACKOFF_MAX;
  private long minInterval = DEFAULT_MIN_INTERVAL;

  /** The JSON form, read before the generated converter, in the order of the config reference's rows. */
  private static final JsonForm FORM = JsonForm.of(PREFIX)
    .text("address").describe("the agent; `CONSUL_HTTP_ADDR` (with or without scheme)")
    .text("token").secret().describe("ACL token; `CONSUL_HTTP_TOKEN`, `CONSUL_HTTP_TOKEN_FILE` (the file wins)")
    .text("tokenFile").describe("ACL token; `CONSUL_HTTP_TOKEN`, `CONSUL_HTTP_TOKEN_FILE` (the file wins)")
    .bool("ssl")
    .describe("TLS; `CONSUL_HTTP_SSL`, `CONSUL_CACERT`, `CONSUL_CLIENT_CERT`, `CONSUL_CLIENT_KEY`")
    .text("caFile", "clientCert", "clientKey")
    .describe("TLS; `CONSUL_HTTP_SSL`, `CONSUL_CACERT`, `CONSUL_CLIENT_CERT`, `CONSUL_CLIENT_KEY`")
    .text("datacenter").defaultShown("the agent's").describe("`?dc=`")
    .text("nodeName").defaultShown("`/v1/agent/self` Config.NodeName").describe("the node to watch")
    .duration("wait").range(1, MAX_WAIT).describe("blocking query wait")
    .duration("requestTimeout").constrain("exclusiveMinimum", 0)
    .describe("added to the wait for blocking queries; the limit of other calls")
    .duration("backoffInitial", "backoffMax").constrain("exclusiveMinimum", 0)
    .describe("retry backoff, exponential with jitter")
    .duration("minInterval").describe("least time between two watch requests");

  /** Options with the defaults. */
  public ConsulClientOptions() {
  }

  /** @param other options to copy */
  public ConsulClientOptions(ConsulClientOptions other) {
    this.address = other.address;
    this.ssl = other.ssl;
    this.caFile = other.caFile;
    this.clientCert = other.clientCert;
    this.clientKey = other.clientKey;
    this.token = other.token;
    this.tokenFile = other.tokenFile;
    this.datacenter = other.datacenter;
    this.nodeName = other.nodeName;
    this.wait = other.wait;
    this.requestTimeout = other.requestTimeout;
    this.backoffInitial = other.backoffInitial;
    this.backoffMax = other.backoffMax;
    this.minInterval = other.minInterval;
  }

  /**
   * @param json the JSON form described on this class; absent keys keep their defaults
   * @throws IllegalArgumentException naming the field ({@code consul.<key>: ...}) when a key is unknown or a value
   *                                  has the wrong type or range
   */
  public ConsulClientOptions(JsonObject json) {
    ConsulClientOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * Options with the defaults overridden by the Consul CLI's environment variables, each applied when set and not
   * blank: {@code CONSUL_HTTP_ADDR} (address), {@code CONSUL_HTTP_TOKEN} (token), {@code CONSUL_HTTP_TOKEN_FILE}
   * (tokenFile, which wins over the token), {@code CONSUL_HTTP_SSL} (ssl, in Go's boolean forms {@code true},
   * {@code 1}, {@code t}, {@code false}, {@code 0}, {@code f}, case-insensitive), {@code CONSUL_CACERT} (caFile),
   * {@code CONSUL_CLIENT_CERT} (clientCert), {@code CONSUL_CLIENT_KEY} (clientKey).
   *
   * @param env the environment, usually {@code System.getenv()}
   * @return new options
   * @throws IllegalArgumentException naming the variable when a value is invalid, such as
   *                                  {@code CONSUL_HTTP_SSL: expected true or false, got 'yes'}
   */
  public static ConsulClientOptions fromEnvironment(Map<String, String> env) {
    ConsulClientOptions options = new ConsulClientOptions();
    String addr = env.get("CONSUL_HTTP_ADDR");
    if (addr != null && !addr.isBlank()) {
      AgentAddress.parse(addr, false, "CONSUL_HTTP_ADDR");
      options.address = addr.trim();
    }
    String ssl = env.get("CONSUL_HTTP_SSL");
    if (ssl != null && !ssl.isBlank()) {
      options.ssl = goBoolean(ssl.trim(), "CONSUL_HTTP_SSL");
    }
    options.token = blankToNull(env.get("CONSUL_HTTP_TOKEN"));
    options.tokenFile = blankToNull(env.get("CONSUL_HTTP_TOKEN_FILE"));
    options.caFile = blankToNull(env.get("CONSUL_CACERT"));
    options.clientCert = blankToNull(env.get("CONSUL_CLIENT_CERT"));
    options.clientKey = blankToNull(env.get("CONSUL_CLIENT_KEY"));
    return options;
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new ConsulClientOptions().toJson());
  }

  /** @return the JSON form described on this class, durations as integer ms; unset optional keys are left out */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    ConsulClientOptionsConverter.toJson(this, json);
    return FORM.write(json);
  }

  /** @return the agent's address as given: {@code host:port}, {@code http://host:port} or {@code https://host:port} */
  public String getAddress() {
    return address;
  }

  /**
   * @param address {@code host:port}, {@code http://host:port} or {@code https://host:port}; as with the Consul
   *                CLI, a missing port means the scheme's default (80 or 443), not 8500
   * @return this
   * @throws IllegalArgumentException {@code consul.address: expected host:port, ...} for any other form
   */
  public ConsulClientOptions setAddress(String address) {
    Objects.requireNonNull(address, "address");
    AgentAddress.parse(address, false, PREFIX + "address");
    this.address = address.trim();
    return this;
  }

  /** @return whether https is used even when the address has no {@code https://} scheme */
  public boolean isSsl() {
    return ssl;
  }

  /**
   * @param ssl {@code true} to speak https to the agent whatever the address's scheme, as {@code CONSUL_HTTP_SSL}
   * @return this
   */
  public ConsulClientOptions setSsl(boolean ssl) {
    this.ssl = ssl;
    return this;
  }

  /** @return the path of the PEM CA bundle the agent's certificate is checked against, or {@code null} for the JVM's */
  public String getCaFile() {
    return caFile;
  }

  /**
   * @param caFile path of a PEM CA bundle, or {@code null} to trust the JVM's default CAs
   * @return this
   */
  public ConsulClientOptions setCaFile(String caFile) {
    this.caFile = optional(caFile, "caFile");
    return this;
  }

  /** @return the path of the PEM client certificate, or {@code null} */
  public String getClientCert() {
    return clientCert;
  }

  /**
   * @param clientCert path of a PEM client certificate for agents that verify clients; needs
   *                   {@link #setClientKey(String)}
   * @return this
   */
  public ConsulClientOptions setClientCert(String clientCert) {
    this.clientCert = optional(clientCert, "clientCert");
    return this;
  }

  /** @return the path of the PEM private key of the client certificate, or {@code null} */
  public String getClientKey() {
    return clientKey;
  }

  /**
   * @param clientKey path of the PEM private key (PKCS#1 or PKCS#8) of {@link #getClientCert()}
   * @return this
   */
  public ConsulClientOptions setClientKey(String clientKey) {
    this.clientKey = optional(clientKey, "clientKey");
    return this;
  }

  /** @return the ACL token, or {@code null} for none (the agent's default token applies) */
  public String getToken() {
    return token;
  }

  /**
   * @param token an ACL token sent as {@code X-Consul-Token}, or {@code null}
   * @return this
   */
  public ConsulClientOptions setToken(String token) {
    this.token = optional(token, "token");
    return this;
  }

  /** @return the path of a file holding the ACL token, or {@code null}; when set it wins over {@link #getToken()} */
  public String getTokenFile() {
    return tokenFile;
  }

  /**
   * @param tokenFile path of a file holding the ACL token (surrounding white space is ignored); read once, before
   *                  the first call to Consul, and read again after a failed read
   * @return this
   */
  public ConsulClientOptions setTokenFile(String tokenFile) {
    this.tokenFile = optional(tokenFile, "tokenFile");
    return this;
  }

  /** @return the datacenter sent as {@code ?dc=}, or {@code null} for the agent's own */
  public String getDatacenter() {
    return datacenter;
  }

  /**
   * @param datacenter the datacenter, or {@code null} for the agent's own
   * @return this
   */
  public ConsulClientOptions setDatacenter(String datacenter) {
    this.datacenter = optional(datacenter, "datacenter");
    return this;
  }

  /**
   * @return the agent's Consul node name, or {@code null} to ask the agent ({@code Config.NodeName} of
   * {@code GET /v1/agent/self}): the node whose maintenance {@link ConsulMaintenance} watches, and the node whose
   * instances {@link ConsulFleet} marks as {@code self}
   */
  public String getNodeName() {
    return nodeName;
  }

  /**
   * @param nodeName the agent's Consul node name (which need not be the host name), or {@code null} to ask the
   *                 agent; it is the agent's own node, not any node: maintenance switches go to the agent, which
   *                 switches its own node
   * @return this
   */
  public ConsulClientOptions setNodeName(String nodeName) {
    this.nodeName = optional(nodeName, "nodeName");
    return this;
  }

  /** @return how long Consul may hold a blocking query before answering unchanged, in ms */
  public long getWait() {
    return wait;
  }

  /**
   * @param wait the blocking query wait in ms, from 1 to {@link #MAX_WAIT}; Consul adds up to wait/16 of jitter
   * @return this
   * @throws IllegalArgumentException when out of range
   */
  public ConsulClientOptions setWait(long wait) {
    if (wait <= 0 || wait > MAX_WAIT) {
      throw new IllegalArgumentException(PREFIX + "wait: must be from 1 to " + MAX_WAIT + " ms (Consul's maximum), got "
        + wait + " ms");
    }
    this.wait = wait;
    return this;
  }

  /**
   * @return the time Consul may take to answer, in ms: the whole timeout of a non-blocking call, and the time
   * allowed beyond {@code wait + wait/16} for a blocking query, so that the timeout always exceeds what Consul may
   * legitimately hold a query
   */
  public long getRequestTimeout() {
    return requestTimeout;
  }

  /**
   * @param requestTimeout the request timeout in ms, {@code > 0}; see {@link #getRequestTimeout()}
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  public ConsulClientOptions setRequestTimeout(long requestTimeout) {
    this.requestTimeout = positive(requestTimeout, "requestTimeout");
    return this;
  }

  /** @return the delay before the first retry after a fault, in ms */
  public long getBackoffInitial() {
    return backoffInitial;
  }

  /**
   * @param backoffInitial the first retry delay in ms, {@code > 0}; it doubles on each further fault up to
   *                       {@link #getBackoffMax()}, and each delay is jittered down by up to half
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  public ConsulClientOptions setBackoffInitial(long backoffInitial) {
    this.backoffInitial = positive(backoffInitial, "backoffInitial");
    return this;
  }

  /** @return the cap of the retry delay, in ms */
  public long getBackoffMax() {
    return backoffMax;
  }

  /**
   * @param backoffMax the cap of the retry delay in ms, {@code > 0}; {@link ConsulMaintenance#create} and
   *                   {@link ConsulFleet#create} reject a cap below {@link #getBackoffInitial()}
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  public ConsulClientOptions setBackoffMax(long backoffMax) {
    this.backoffMax = positive(backoffMax, "backoffMax");
    return this;
  }

  /** @return the least time between the starts of two watch requests, in ms */
  public long getMinInterval() {
    return minInterval;
  }

  /**
   * @param minInterval the least time between the starts of two watch requests in ms, {@code >= 0}: it bounds the
   *                    request rate when what is watched changes often (each change answers the blocking query)
   * @return this
   * @throws IllegalArgumentException when negative
   */
  public ConsulClientOptions setMinInterval(long minInterval) {
    if (minInterval < 0) {
      throw new IllegalArgumentException(PREFIX + "minInterval: must not be negative, got " + minInterval + " ms");
    }
    this.minInterval = minInterval;
    return this;
  }

  private static boolean goBoolean(String value, String field) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "1":
      case "t":
      case "true":
        return true;
      case "0":
      case "f":
      case "false":
        return false;
      default:
        throw new IllegalArgumentException(field + ": expected true or false, got '" + value + "'");
    }
  }

  private static String optional(String value, String field) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(PREFIX + field + ": must not be blank (leave it out instead)");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static long positive(long value, String field) {
    if (value <= 0) {
      throw new IllegalArgumentException(PREFIX + field + ": must be positive, got " + value + " ms");
    }
    return value;
  }

  /** @return the JSON form, the token masked as {@code ********} */
  @Override
  public String toString() {
    JsonObject json = toJson();
    if (json.containsKey("token")) {
      json.put("token", "********");
    }
    return json.encode();
  }
}
