package dev.vitals.status.consul;

import dev.vitals.health.JsonForm;
import dev.vitals.health.ServiceStatus;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * What {@link ConsulMaintenance} asks of the agent beyond the node's maintenance, and what it reports before the
 * agent answers: as vertx-consul-client keeps {@code MaintenanceOptions} apart from {@code ConsulClientOptions},
 * how the agent is reached and watched is in {@link ConsulClientOptions}, given beside these to
 * {@link ConsulMaintenance#create(io.vertx.core.Vertx, ConsulClientOptions, ConsulMaintenanceOptions)}.
 *
 * <p>JSON form (with {@link ConsulClientOptions}', the standalone config's {@code consul} object), every key
 * optional, shown with its default:
 * <pre>
 * {
 *   "serviceId": null,            // also watch, and write, maintenance of this service
 *   "unknownPolicy": "unknown"    // ok | maintenance | unknown: the status before Consul answered
 * }
 * </pre>
 * Invalid values fail with an {@link IllegalArgumentException} naming the field, such as
 * {@code consul.unknownPolicy: expected ok, maintenance or unknown, got 'maybe'}; unknown keys fail too, so that a
 * typo is not silently ignored.
 */
@DataObject
@JsonGen(publicConverter = false)
public class ConsulMaintenanceOptions {

  /** Default status before Consul has answered: {@link ServiceStatus#UNKNOWN} ({@code /status} answers 500). */
  public static final ServiceStatus DEFAULT_UNKNOWN_POLICY = ServiceStatus.UNKNOWN;

  /** What messages put before a field's name: these options are part of the standalone config's {@code consul}. */
  private static final String PREFIX = "consul.";

  private String serviceId;
  private ServiceStatus unknownPolicy = DEFAULT_UNKNOWN_POLICY;

  /** The JSON form, read before the generated converter, in the order of the config reference's rows. */
  private static final JsonForm FORM = JsonForm.of(PREFIX)
    .text("serviceId").describe("also honour `_service_maintenance:<id>`; switches use the service form")
    .enumeration("unknownPolicy", ServiceStatus.class)
    .describe("what `/status` says before Consul ever answered: `ok`, `maintenance` or `unknown` (500)");

  /** Options with the defaults. */
  public ConsulMaintenanceOptions() {
  }

  /** @param other options to copy */
  public ConsulMaintenanceOptions(ConsulMaintenanceOptions other) {
    this.serviceId = other.serviceId;
    this.unknownPolicy = other.unknownPolicy;
  }

  /**
   * @param json the JSON form described on this class; absent keys keep their defaults
   * @throws IllegalArgumentException naming the field ({@code consul.<key>: ...}) when a key is unknown or a value
   *                                  has the wrong type
   */
  public ConsulMaintenanceOptions(JsonObject json) {
    ConsulMaintenanceOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new ConsulMaintenanceOptions().toJson());
  }

  /** @return the JSON form described on this class; an unset service id is left out */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    ConsulMaintenanceOptionsConverter.toJson(this, json);
    return FORM.write(json);
  }

  /** @return the service whose maintenance also counts, and is written, or {@code null} for node maintenance only */
  public String getServiceId() {
    return serviceId;
  }

  /**
   * @param serviceId a service registered with the agent: its {@code _service_maintenance:<id>} check counts as
   *                  maintenance besides the node's, and switching goes through the service form of the agent
   *                  endpoint; {@code null} for node maintenance only
   * @return this
   * @throws IllegalArgumentException {@code consul.serviceId: must not be blank (leave it out instead)}
   */
  public ConsulMaintenanceOptions setServiceId(String serviceId) {
    if (serviceId != null && serviceId.isBlank()) {
      throw new IllegalArgumentException(PREFIX + "serviceId: must not be blank (leave it out instead)");
    }
    this.serviceId = serviceId;
    return this;
  }

  /** @return the status reported, marked stale, before Consul has answered once */
  public ServiceStatus getUnknownPolicy() {
    return unknownPolicy;
  }

  /**
   * @param unknownPolicy the status reported before Consul has answered once: {@link ServiceStatus#UNKNOWN}
   *                      ({@code /status} answers 500, the default: neither in service nor drained on a guess),
   *                      {@link ServiceStatus#OK} (serve traffic while Consul is down at start-up) or
   *                      {@link ServiceStatus#MAINTENANCE} (stay drained until Consul says otherwise)
   * @return this
   */
  public ConsulMaintenanceOptions setUnknownPolicy(ServiceStatus unknownPolicy) {
    this.unknownPolicy = Objects.requireNonNull(unknownPolicy, "unknownPolicy");
    return this;
  }
}
