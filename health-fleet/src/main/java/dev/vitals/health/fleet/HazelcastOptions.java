package dev.vitals.health.fleet;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hazelcast cluster a clustered Vert.x joins for the fleet (needs {@code io.vertx:vertx-hazelcast}, an optional
 * dependency of this module). JSON form (every field optional):
 * <pre>{@code
 * {"host": "127.0.0.1", "port": 5701, "members": ["127.0.0.1:5701", "127.0.0.1:5702"], "configFile": null,
 *  "keyPath": null, "certPath": null, "trustPath": null}
 * }</pre>
 *
 * <p>{@code host} is where the clustered event bus listens too (on a port of its own, chosen at start unless the
 * launcher's {@code -cluster-port} sets it). Without {@code configFile}, {@link #toConfig()} builds the config in
 * code: the member listens on
 * {@code host:port} only (no other interface, no port auto-increment), joins over TCP/IP the listed
 * {@code members} (one {@code host:port} each; ranges such as {@code 5701-5703} are refused), with multicast,
 * auto-detection and phone-home off; heartbeats every second and a member silent for 5 s is removed, so a killed
 * or frozen instance leaves the cluster within 10 s (Hazelcast's defaults are 5 s and 60 s); clusters formed apart
 * by members started together merge after 10 s (Hazelcast's default: 300 s, then every 120 s); the maps Vert.x
 * needs are those of vertx-hazelcast's {@code default-cluster.xml}. With {@code configFile}, that
 * {@code hazelcast.xml} (or {@code .yaml}) is used as it is.
 *
 * <p>With {@code keyPath}, {@code certPath} and {@code trustPath} (PEM files), {@link #applyTo(EventBusOptions)}
 * makes the clustered event bus mutual TLS: each member presents its certificate and accepts only peers whose
 * certificate chains to one in {@code trustPath}. Hazelcast's own connections stay plain (its community edition
 * has no TLS).
 */
@DataObject
@JsonGen(publicConverter = false)
public class HazelcastOptions {

  /** Default address the member listens on: {@code 127.0.0.1}. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default port the member listens on: 5701, Hazelcast's. */
  public static final int DEFAULT_PORT = 5701;

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private List<String> members = new ArrayList<>();
  private String configFile;
  private String keyPath;
  private String certPath;
  private String trustPath;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .text("host").describe("where the Hazelcast member and the event bus listen: an IP address of this machine (one"
      + " interface)")
    .integer("port").range(1, 65_535).describe("the Hazelcast member's port (no port auto-increment)")
    .strings("members").constrain("items", new JsonObject().put("type", "string")
      .put("pattern", "^[^\\s:]+:[0-9]{1,5}$").put("x-expected", "host:port"))
    .describe("the members to join over TCP/IP, `host:port` each (no ranges)").defaultShown("this member")
    .text("keyPath", "certPath", "trustPath")
    .describe("PEM files: this member's key and certificate, and the certificates a peer's must chain to; all three"
      + " make the clustered event bus mutual TLS (client certificates required, no hostname check); Hazelcast's own"
      + " port stays plain")
    .text("configFile").describe("a `hazelcast.xml` or `.yaml` used as it is instead (then `port` and `members` are"
      + " ignored; the event bus still listens on `host`)");

  /** Default options. */
  public HazelcastOptions() {
  }

  /** @param other options to copy */
  public HazelcastOptions(HazelcastOptions other) {
    this.host = other.host;
    this.port = other.port;
    this.members = new ArrayList<>(other.members);
    this.configFile = other.configFile;
    this.keyPath = other.keyPath;
    this.certPath = other.certPath;
    this.trustPath = other.trustPath;
  }

  /**
   * @param json the JSON form described on this class
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid
   */
  public HazelcastOptions(JsonObject json) {
    HazelcastOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new HazelcastOptions().toJson());
  }

  /** @return the JSON form described on this class */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    HazelcastOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return the address the member listens on */
  public String getHost() {
    return host;
  }

  /**
   * @param host the IP address, of one of this machine's interfaces, the member and the event bus listen on (also
   *             with {@code configFile}: the event bus listens there); a name or a wildcard address is refused, as
   *             Hazelcast would refuse it at start
   * @return this
   * @throws IllegalArgumentException {@code "host: expected an IP address of this machine ..., got '<host>'"}
   */
  public HazelcastOptions setHost(String host) {
    if (!isLocalAddress(host)) {
      throw new IllegalArgumentException("host: expected an IP address of this machine (127.0.0.1, or the address of"
        + " a network interface), got '" + host + "'");
    }
    this.host = host;
    return this;
  }

  /** Whether the text is an IP literal (no name is resolved) of one of this machine's interfaces. */
  private static boolean isLocalAddress(String host) {
    if (host == null || !(host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || host.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*"))) {
      return false;
    }
    try {
      java.net.InetAddress address = java.net.InetAddress.getByName(host);
      return !address.isAnyLocalAddress() && java.net.NetworkInterface.getByInetAddress(address) != null;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** @return the port the member listens on */
  public int getPort() {
    return port;
  }

  /**
   * @param port the port the member listens on, 1 to 65535
   * @return this
   * @throws IllegalArgumentException when out of range
   */
  public HazelcastOptions setPort(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port: must be 1 to 65535, got " + port);
    }
    this.port = port;
    return this;
  }

  /** @return the members to join, {@code host:port} each */
  public List<String> getMembers() {
    return members;
  }

  /**
   * @param members the members to join over TCP/IP, {@code host:port} each (this member's own address may be
   *                listed); empty for this member alone until others join it
   * @return this
   * @throws IllegalArgumentException {@code "members/<i>: expected host:port, got '<value>'"}
   */
  public HazelcastOptions setMembers(List<String> members) {
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      String member = members.get(i);
      int colon = member == null ? -1 : member.lastIndexOf(':');
      boolean valid = colon > 0;
      if (valid) {
        try {
          int port = Integer.parseInt(member.substring(colon + 1));
          valid = port >= 1 && port <= 65_535;
        } catch (NumberFormatException e) {
          valid = false;
        }
      }
      if (!valid) {
        throw new IllegalArgumentException("members/" + i + ": expected host:port, got '" + member + "'");
      }
      checked.add(member);
    }
    this.members = checked;
    return this;
  }

  /** @return the Hazelcast config file used instead of the config built in code, or {@code null} */
  public String getConfigFile() {
    return configFile;
  }

  /**
   * @param configFile a {@code hazelcast.xml} or {@code .yaml} used as it is instead of the config built in code
   *                   ({@code port} and {@code members} are then ignored; {@code host} stays the event bus's address,
   *                   so make the member bind the same), or {@code null}
   * @return this
   */
  public HazelcastOptions setConfigFile(String configFile) {
    this.configFile = configFile;
    return this;
  }

  /** @return this member's private key for the event bus's TLS, a PEM file (PKCS#8 or PKCS#1), or {@code null} */
  public String getKeyPath() {
    return keyPath;
  }

  /**
   * @param keyPath this member's private key for the event bus's mutual TLS, a PEM file, or {@code null}; with
   *                {@code certPath} and {@code trustPath}
   * @return this
   */
  public HazelcastOptions setKeyPath(String keyPath) {
    this.keyPath = keyPath;
    return this;
  }

  /** @return this member's certificate (chain) for the event bus's TLS, a PEM file, or {@code null} */
  public String getCertPath() {
    return certPath;
  }

  /**
   * @param certPath this member's certificate (chain) for the event bus's mutual TLS, a PEM file, or {@code null};
   *                 with {@code keyPath} and {@code trustPath}
   * @return this
   */
  public HazelcastOptions setCertPath(String certPath) {
    this.certPath = certPath;
    return this;
  }

  /** @return the certificates the event bus's peers are checked against, a PEM file, or {@code null} */
  public String getTrustPath() {
    return trustPath;
  }

  /**
   * @param trustPath the CA (or self-signed) certificates a peer's certificate must chain to on the event bus, a
   *                  PEM file, or {@code null}; with {@code keyPath} and {@code certPath}
   * @return this
   */
  public HazelcastOptions setTrustPath(String trustPath) {
    this.trustPath = trustPath;
    return this;
  }

  /**
   * Sets the event bus's host to {@link #getHost()} and, with {@code keyPath}, {@code certPath} and
   * {@code trustPath}, makes it mutual TLS (client certificates required; no hostname check: the members are
   * named by their certificates' issuer, not by their addresses).
   *
   * @param options the event bus options to change (its port is kept)
   * @return {@code options}
   * @throws IllegalArgumentException {@code "keyPath: keyPath, certPath and trustPath go together; missing <names>"}
   *                                  when only some are set
   */
  public EventBusOptions applyTo(EventBusOptions options) {
    options.setHost(host);
    List<String> missing = new ArrayList<>();
    if (keyPath == null) {
      missing.add("keyPath");
    }
    if (certPath == null) {
      missing.add("certPath");
    }
    if (trustPath == null) {
      missing.add("trustPath");
    }
    if (missing.size() == 3) {
      return options;
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(missing.get(0) + ": keyPath, certPath and trustPath go together; missing "
        + String.join(", ", missing));
    }
    return options.setSsl(true).setClientAuth(ClientAuth.REQUIRED)
      .setKeyCertOptions(new PemKeyCertOptions().setKeyPath(keyPath).setCertPath(certPath))
      .setTrustOptions(new PemTrustOptions().addCertPath(trustPath));
  }

  /**
   * @return the Hazelcast config described on this class
   * @throws IllegalArgumentException {@code "configFile: cannot read '<path>': <reason>"} when the file cannot be
   * read or parsed
   */
  @SuppressWarnings("exports") // Hazelcast's types: the user of this method has vertx-hazelcast on its path
  public Config toConfig() {
    if (configFile != null) {
      try {
        return Config.loadFromFile(new java.io.File(configFile));
      } catch (FileNotFoundException | RuntimeException e) {
        throw new IllegalArgumentException("configFile: cannot read '" + configFile + "': " + e.getMessage(), e);
      }
    }
    Config config = new Config();
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    config.setProperty("hazelcast.logging.type", "jdk");
    // Members started together may form clusters of their own: merge them within seconds, not 5 minutes.
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
    NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members.isEmpty() ? List.of(host + ":" + port) : members);
    // What vertx-hazelcast's default-cluster.xml declares.
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
      .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    return config;
  }

  /** @return a cluster manager over {@link #toConfig()}, for {@code Vertx.builder().withClusterManager(...)} */
  @SuppressWarnings("exports") // as toConfig()
  public HazelcastClusterManager clusterManager() {
    return new HazelcastClusterManager(toConfig());
  }

  /**
   * @param fleet the fleet this member is for
   * @return a cluster manager over {@link #toConfig()} whose cluster name is {@link FleetOptions#clusterName()}
   * when the fleet has a secret and there is no {@code configFile} (a config file names its own cluster), so that a
   * member without the secret is refused at join
   */
  @SuppressWarnings("exports") // as toConfig()
  public HazelcastClusterManager clusterManager(FleetOptions fleet) {
    Config config = toConfig();
    if (configFile == null && fleet.clusterName() != null) {
      config.setClusterName(fleet.clusterName());
    }
    return new HazelcastClusterManager(config);
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
