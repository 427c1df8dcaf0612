package dev.vitals.health.fleet;

import dev.vitals.health.impl.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * Options of the fleet view. JSON form (every field optional):
 * <pre>{@code
 * {"publishPeriod": "5s", "minMembers": 1, "quorum": 1, "maxNodes": 1024, "address": "vitals.fleet",
 *  "maintenanceTimeout": "5s"}
 * }</pre>
 * Durations are ms or strings such as {@code "5s"}; {@code quorum} is a count ({@code 2}) or a percentage
 * ({@code "50%"}, see {@link Quorum}).
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

  private long publishPeriod = DEFAULT_PUBLISH_PERIOD;
  private int minMembers = DEFAULT_MIN_MEMBERS;
  private String quorum = DEFAULT_QUORUM;
  private int maxNodes = DEFAULT_MAX_NODES;
  private String address = DEFAULT_ADDRESS;
  private long maintenanceTimeout = DEFAULT_MAINTENANCE_TIMEOUT;

  /** The JSON form, read before the generated converter. */
  private static final JsonForm FORM = JsonForm.of("").duration("publishPeriod", "maintenanceTimeout")
    .integer("minMembers", "maxNodes").string("quorum", "address");

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
   * @throws IllegalArgumentException when below 1000
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
   * @throws IllegalArgumentException when below 1
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
   * @throws IllegalArgumentException when below 1
   */
  public FleetOptions setMaxNodes(int maxNodes) {
    if (maxNodes < 1) {
      throw new IllegalArgumentException("maxNodes: must be at least 1, got " + maxNodes);
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

  @Override
  public String toString() {
    return toJson().encode();
  }
}
