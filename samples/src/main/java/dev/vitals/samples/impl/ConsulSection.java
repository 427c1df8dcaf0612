package dev.vitals.samples.impl;

import dev.vitals.health.JsonForm;
import dev.vitals.status.consul.ConsulClientOptions;
import dev.vitals.status.consul.ConsulMaintenanceOptions;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;

/**
 * The config's {@code consul} section, one flat object: the agent's {@link ConsulClientOptions} ({@code address},
 * {@code token}, {@code tokenFile}, {@code ssl}, {@code caFile}, {@code clientCert}, {@code clientKey},
 * {@code datacenter}, {@code nodeName}, {@code wait}, {@code requestTimeout}, {@code backoffInitial},
 * {@code backoffMax}, {@code minInterval}), the {@link ConsulMaintenanceOptions} ({@code serviceId},
 * {@code unknownPolicy}) side by side, and {@code service}, the Consul service whose instances make the fleet.
 */
public final class ConsulSection {

  /** The client's keys, as its schema lists them (its JSON form leaves unset ones out); the others are maintenance's. */
  private static final Set<String> CLIENT_KEYS =
    Set.copyOf(ConsulClientOptions.schema().getJsonObject("properties").fieldNames());
  private static final String SERVICE = "service";
  /** The section's own key, beside the client's and maintenance's. */
  private static final JsonForm FORM = JsonForm.of("consul.").text(SERVICE).defaultShown("none")
    .describe("the Consul service whose instances make the fleet, with `fleet.source: consul` (see \"Fleet health\")");

  private final ConsulClientOptions client;
  private final ConsulMaintenanceOptions maintenance;
  private final String service;

  /**
   * @param json the section, empty when only {@code CONSUL_HTTP_ADDR} asks for Consul
   * @param env  the process environment: the Consul CLI's variables ({@link ConsulClientOptions#fromEnvironment})
   *             come first, the section's values over them
   * @throws IllegalArgumentException naming the field ({@code consul.<key>: ...}) or the variable when a value is
   *                                  invalid
   */
  public ConsulSection(JsonObject json, Map<String, String> env) {
    JsonObject clientJson = ConsulClientOptions.fromEnvironment(env).toJson();
    JsonObject maintenanceJson = new JsonObject();
    json.forEach(e -> {
      if (!e.getKey().equals(SERVICE)) {
        (CLIENT_KEYS.contains(e.getKey()) ? clientJson : maintenanceJson).put(e.getKey(), e.getValue());
      }
    });
    service = (String) json.getValue(SERVICE);
    client = new ConsulClientOptions(clientJson);
    maintenance = new ConsulMaintenanceOptions(maintenanceJson);
  }

  /** @return the section's JSON Schema: the client's keys, maintenance's, then {@code service} */
  public static JsonObject schema() {
    return StandaloneSchema.merged(ConsulClientOptions.schema(), ConsulMaintenanceOptions.schema(),
      FORM.schema(new JsonObject()));
  }

  /** @return where the agent is, and how maintenance and the fleet watch it */
  public ConsulClientOptions client() {
    return client;
  }

  /** @return what maintenance asks beyond the node's: the service id, and the status before Consul answered */
  public ConsulMaintenanceOptions maintenance() {
    return maintenance;
  }

  /** @return the Consul service whose instances make the fleet ({@code consul.service}), or {@code null} */
  public String service() {
    return service;
  }

  /** @return the section's JSON form, every key */
  public JsonObject toJson() {
    JsonObject json = client.toJson().mergeIn(maintenance.toJson());
    return service == null ? json : json.put(SERVICE, service);
  }
}
