package dev.vitals.health.fleet;

import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Options of the fleet view. JSON form (every field optional):
 * <pre>{@code
 * {"publishPeriod": "5s", "minMembers": 1, "quorum": 1, "maxNodes": 1024, "address": "vitals.fleet",
 *  "maintenanceTimeout": "5s", "secret": null}
 * }</pre>
 * Durations are ms or strings such as {@code "5s"}; {@code quorum} is a count ({@code 2}) or a percentage
 * ({@code "50%"}, see {@link Quorum}). {@code secret} is the fleet's shared secret (see {@link #setSecret(String)});
 * {@link #toString()} masks it, {@link #toJson()} keeps it (it is the copy form).
 */
@DataObject
@JsonGen(publicConverter = false)
public class FleetOptions {

  /** Default time between two status messages of an instance with no change: 5000 ms. */
  public static final long DEFAULT_PUBLISH_PERIOD = 5_000;
  /** Default number of cluster members the {@code cluster} check wants: 1. */
  public static final int DEFAULT_MIN_MEMBERS = 1;
  /** Default quorum: 1 ready instance. */
  public static final String DEFAULT_QUORUM = "1";
  /** Default number of instances the view holds: 1024; statuses of more are dropped. */
  public static final int DEFAULT_MAX_NODES = 1_024;
  /** Default event-bus address prefix: {@code vitals.fleet}. */
  public static final String DEFAULT_ADDRESS = "vitals.fleet";
  /** Default time an instance has to answer a fleet maintenance switch: 5000 ms. */
  public static final long DEFAULT_MAINTENANCE_TIMEOUT = 5_000;
  /** The shortest fleet secret accepted, in bytes (UTF-8): 16. */
  public static final int MIN_SECRET_BYTES = 16;

  private long publishPeriod = DEFAULT_PUBLISH_PERIOD;
  private int minMembers = DEFAULT_MIN_MEMBERS;
  private String quorum = DEFAULT_QUORUM;
  private int maxNodes = DEFAULT_MAX_NODES;
  private String address = DEFAULT_ADDRESS;
  private long maintenanceTimeout = DEFAULT_MAINTENANCE_TIMEOUT;
  private String secret;

  /**
   * The JSON form, read before the generated converter (after {@link Quorum#parse} has turned a count or a
   * percentage into its text); it documents each key.
   */
  private static final JsonForm FORM = JsonForm.of("")
    .duration("publishPeriod").describe("each instance publishes its status this often (at least 1 s), and on each"
      + " change; not heard of for three periods: `missing`")
    .integer("minMembers").range(1, Integer.MAX_VALUE)
    .describe("the `cluster` check (non-critical) passes with at least this many members")
    .string("quorum").constrain("type", new JsonArray().add("integer").add("string"))
    .constrain("oneOf", new JsonArray()
      .add(new JsonObject().put("type", "integer").put("minimum", 0).put("maximum", Integer.MAX_VALUE))
      .add(new JsonObject().put("type", "string").put("pattern", "^[0-9]{1,3}%$|^[0-9]{1,9}$")))
    .expecting("a count (2) or a percentage (\"50%\")")
    .describe("ready instances `/health/fleet` needs for a 200: a count (`2`), or a percentage of the known ones"
      + " (`\"50%\"`)")
    .integer("maxNodes").range(1, 1_000_000)
    .describe("instances the view holds, this one included; statuses of more are dropped (one log line a minute)")
    .text("address").describe("the event-bus address prefix: `<address>.status`, `<address>.maintenance.<node>`")
    .duration("maintenanceTimeout").describe("how long each instance has to answer a fleet maintenance switch")
    .text("secret").secret()
    .describe("the fleet's shared secret, at least 16 bytes, the same on every instance: signs every status and"
      + " maintenance message (HMAC-SHA256), and unsigned, badly signed, stale or replayed ones are dropped; required"
      + " when `fleet.cluster.host` is not a loopback address or `fleet.cluster.configFile` is set");

  /** Default options. */
  public FleetOptions() {
  }

  /** @param other options to copy */
  public FleetOptions(FleetOptions other) {
    this.publishPeriod = other.publishPeriod;
    this.minMembers = other.minMembers;
    this.quorum = other.quorum;
    this.maxNodes = other.maxNodes;
    this.address = other.address;
    this.maintenanceTimeout = other.maintenanceTimeout;
    this.secret = other.secret;
  }

  /**
   * @param json the JSON form described on this class
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid
   */
  public FleetOptions(JsonObject json) {
    JsonObject copy = json.copy();
    if (copy.getValue("quorum") != null) {
      copy.put("quorum", Quorum.parse(copy.getValue("quorum")).toString());
    }
    FleetOptionsConverter.fromJson(FORM.read(copy), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new FleetOptions().toJson());
  }

  /** @return the JSON form described on this class, durations in ms */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    FleetOptionsConverter.toJson(this, json);
    return json.put("quorum", quorum().toJson());
  }

  /** @return the time between two status messages of an instance with no change, in ms */
  public long getPublishPeriod() {
    return publishPeriod;
  }

  /**
   * @param publishPeriod the time between two status messages of an instance with no change, in ms, {@code >= 1000};
   *                      an instance not heard of for three periods is {@code missing} (shorter periods would make a
   *                      GC pause look like a lost instance)
   * @return this
   * @throws IllegalArgumentException {@code maxNodes: expected an integer from 1 to 1000000, got <n>}000
   */
  public FleetOptions setPublishPeriod(long publishPeriod) {
    if (publishPeriod < 1_000) {
      throw new IllegalArgumentException("publishPeriod: must be at least 1000 ms, got " + publishPeriod + " ms");
    }
    this.publishPeriod = publishPeriod;
    return this;
  }

  /** @return how many cluster members the {@code cluster} check wants */
  public int getMinMembers() {
    return minMembers;
  }

  /**
   * @param minMembers how many cluster members the {@code cluster} check wants, {@code >= 1}
   * @return this
   * @throws IllegalArgumentException {@code maxNodes: expected an integer from 1 to 1000000, got <n>}
   */
  public FleetOptions setMinMembers(int minMembers) {
    if (minMembers < 1) {
      throw new IllegalArgumentException("minMembers: must be at least 1, got " + minMembers);
    }
    this.minMembers = minMembers;
    return this;
  }

  /** @return the quorum as written: a count ({@code "2"}) or a percentage ({@code "50%"}) */
  public String getQuorum() {
    return quorum;
  }

  /**
   * @param quorum a count ({@code "2"}) or a percentage ({@code "50%"}) of ready instances, see {@link Quorum}
   * @return this
   * @throws IllegalArgumentException when it is neither
   */
  public FleetOptions setQuorum(String quorum) {
    this.quorum = Quorum.parse(quorum).toString();
    return this;
  }

  /** @return the quorum */
  public Quorum quorum() {
    return Quorum.parse(quorum);
  }

  /** @return how many instances the view holds at most */
  public int getMaxNodes() {
    return maxNodes;
  }

  /**
   * @param maxNodes how many instances the view holds at most, this one included, {@code >= 1}; statuses of
   *                 further instances are dropped (logged once a minute)
   * @return this
   * @throws IllegalArgumentException {@code maxNodes: expected an integer from 1 to 1000000, got <n>}
   */
  public FleetOptions setMaxNodes(int maxNodes) {
    if (maxNodes < 1 || maxNodes > 1_000_000) {
      throw new IllegalArgumentException("maxNodes: expected an integer from 1 to 1000000, got " + maxNodes);
    }
    this.maxNodes = maxNodes;
    return this;
  }

  /** @return the event-bus address prefix */
  public String getAddress() {
    return address;
  }

  /**
   * @param address the event-bus address prefix: statuses are published at {@code <address>.status}, maintenance
   *                switches sent to {@code <address>.maintenance.<node>}; not blank
   * @return this
   * @throws IllegalArgumentException when blank
   */
  public FleetOptions setAddress(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("address: must not be blank");
    }
    this.address = address;
    return this;
  }

  /** @return how long an instance has to answer a fleet maintenance switch, in ms */
  public long getMaintenanceTimeout() {
    return maintenanceTimeout;
  }

  /**
   * @param maintenanceTimeout how long an instance has to answer a fleet maintenance switch, in ms, {@code > 0}
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  public FleetOptions setMaintenanceTimeout(long maintenanceTimeout) {
    if (maintenanceTimeout <= 0) {
      throw new IllegalArgumentException("maintenanceTimeout: must be positive, got " + maintenanceTimeout + " ms");
    }
    this.maintenanceTimeout = maintenanceTimeout;
    return this;
  }

  /** @return the fleet's shared secret, or {@code null} when its messages are not signed */
  public String getSecret() {
    return secret;
  }

  /**
   * Makes the cluster fleet sign every message it sends (statuses, maintenance switches) with HMAC-SHA256 over the
   * message, its address, the sender's node id, a timestamp (ms) and a random nonce, and drop every message that is
   * unsigned, badly signed, more than 30 s off this instance's clock, or a replay of one already accepted. Every
   * instance of the fleet needs the same secret; without one ({@code null}, the default) messages are neither
   * signed nor checked, and any member of the cluster can forge statuses and switch maintenance.
   *
   * @param secret the shared secret, at least {@value #MIN_SECRET_BYTES} bytes in UTF-8 (a random 32-byte value,
   *               base64, is a good one), or {@code null}
   * @return this
   * @throws IllegalArgumentException {@code "secret: must be at least 16 bytes, got <n>"} (the value is never named)
   */
  public FleetOptions setSecret(String secret) {
    if (secret != null) {
      int bytes = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (bytes < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException("secret: must be at least " + MIN_SECRET_BYTES + " bytes, got " + bytes);
      }
    }
    this.secret = secret;
    return this;
  }

  /**
   * The cluster name a Hazelcast member of this fleet should use, derived from the secret, so that a member started
   * without the secret (with Hazelcast's default name, {@code dev}, or any guess) is refused at join. Hazelcast's
   * community edition sends the name in clear text in its join messages: it keeps out processes that do not know
   * the secret and cannot read the cluster's traffic, not an eavesdropper; the signatures are what protects the
   * messages.
   *
   * @return {@code "vitals-"} and the first 16 hex digits of HMAC-SHA256(secret, {@code "vitals fleet cluster"}),
   * or {@code null} without a secret
   */
  public String clusterName() {
    if (secret == null) {
      return null;
    }
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "HmacSHA256"));
      byte[] digest = mac.doFinal("vitals fleet cluster".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "vitals-" + java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** @return the JSON form, the secret masked as {@code ********} */
  @Override
  public String toString() {
    JsonObject json = toJson();
    if (json.getValue("secret") != null) {
      json.put("secret", "********");
    }
    return json.encode();
  }
}
