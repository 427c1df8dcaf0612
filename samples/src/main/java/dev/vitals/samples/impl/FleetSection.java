package dev.vitals.samples.impl;

import dev.vitals.health.JsonForm;
import dev.vitals.health.fleet.FleetOptions;
import dev.vitals.health.fleet.HazelcastOptions;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/**
 * The config's {@code fleet} section: where the fleet view comes from ({@code source}: {@code cluster}, the default,
 * or {@code consul}), the Hazelcast member of the clustered Vert.x ({@code cluster}, {@link HazelcastOptions}) and
 * the view's {@link FleetOptions} ({@code publishPeriod}, {@code minMembers}, {@code quorum}, {@code maxNodes},
 * {@code address}, {@code maintenanceTimeout}, {@code secret}: required
 * with the cluster source when {@code cluster.host} is not a loopback address or {@code cluster.configFile} is set).
 */
public final class FleetSection {

  /** Where the fleet view comes from. */
  public enum Source {
    /** Every instance's status over a clustered Vert.x event bus (Hazelcast). */
    CLUSTER,
    /** A Consul service's instances and their checks. */
    CONSUL
  }

  /** The section's own keys, beside the view's options. */
  private static final JsonForm FORM = JsonForm.of("")
    .enumeration("source", Source.class)
    .describe("where `/health/fleet` comes from: `cluster` (a clustered Vert.x over Hazelcast, see \"Fleet health\") "
      + "or `consul`; without a `fleet` section there is no fleet")
    .object("cluster", HazelcastOptions::new, HazelcastOptions::schema);

  private final Source source;
  private final HazelcastOptions cluster;
  private final FleetOptions options;

  /**
   * @param json the section
   * @throws IllegalArgumentException naming the field when a value is invalid
   */
  public FleetSection(JsonObject json) {
    JsonObject rest = json.copy();
    Object sourceName = rest.remove("source");
    source = sourceName == null ? Source.CLUSTER : Source.valueOf(((String) sourceName).toUpperCase(Locale.ROOT));
    Object clusterJson = rest.remove("cluster");
    cluster = clusterJson == null ? new HazelcastOptions() : nested("cluster", (JsonObject) clusterJson);
    options = new FleetOptions(rest);
    try {
      cluster.applyTo(new io.vertx.core.eventbus.EventBusOptions()); // keyPath, certPath and trustPath go together
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cluster." + e.getMessage(), e);
    }
    if (source == Source.CLUSTER && options.getSecret() == null && cluster.getConfigFile() != null) {
      // The file sets the member's interfaces (Hazelcast binds every one by default, and its bind-any, interfaces,
      // public address and advanced network all weigh in): required whatever it says, rather than judged from it.
      throw new IllegalArgumentException("secret: required when cluster.configFile is set: the Hazelcast config file "
        + "decides where the member listens (every interface by default), and any process that reaches it could join "
        + "the cluster and forge statuses or switch maintenance; set fleet.secret (or VITALS_FLEET_SECRET), at least "
        + "16 bytes, the same on every instance");
    }
    if (source == Source.CLUSTER && options.getSecret() == null && !isLoopback(cluster.getHost())) {
      throw new IllegalArgumentException("secret: required when cluster.host (" + cluster.getHost() + ") is not a "
        + "loopback address: any process that reaches it could join the cluster and forge statuses or switch "
        + "maintenance; set fleet.secret (or VITALS_FLEET_SECRET), at least 16 bytes, the same on every instance");
    }
  }

  /** @return the section's JSON Schema: {@code source}, {@code cluster}, then the view's keys */
  public static JsonObject schema() {
    return StandaloneSchema.merged(FORM.schema(new JsonObject().put("source", "cluster")), FleetOptions.schema());
  }

  /** Whether an IP literal (HazelcastOptions admits no name) is a loopback address. */
  private static boolean isLoopback(String host) {
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static HazelcastOptions nested(String key, JsonObject json) {
    try {
      return new HazelcastOptions(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + "." + e.getMessage(), e);
    }
  }

  /**
   * What the launcher needs before Vert.x exists: the Hazelcast member to start, and the fleet's options (its secret
   * names the cluster), when the config asks for the cluster source. A config that is not valid gives {@code null}
   * here: the verticle then names the error.
   *
   * @param config the whole config, overrides applied
   * @return the section, or {@code null} when there is no {@code fleet} section, its source is Consul, or it is not
   * valid
   */
  public static FleetSection clusteredOf(JsonObject config) {
    if (!(config.getValue("fleet") instanceof JsonObject fleet)) {
      return null;
    }
    try {
      FleetSection section = new FleetSection(fleet);
      return section.source == Source.CLUSTER ? section : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** @return where the fleet view comes from */
  public Source source() {
    return source;
  }

  /** @return the Hazelcast member's options */
  public HazelcastOptions cluster() {
    return cluster;
  }

  /** @return the view's options */
  public FleetOptions options() {
    return options;
  }

  /** @return the section's JSON form, every key */
  public JsonObject toJson() {
    return options.toJson().put("source", source.name().toLowerCase(Locale.ROOT)).put("cluster", cluster.toJson());
  }
}
