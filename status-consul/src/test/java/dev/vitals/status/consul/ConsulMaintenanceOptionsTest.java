package dev.vitals.status.consul;

import dev.vitals.health.ServiceStatus;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Maintenance's own keys: defaults, the JSON form and its schema, and errors that name the field. */
class ConsulMaintenanceOptionsTest {

  @Test
  void theJsonFormRoundTrips() {
    assertThat(new ConsulMaintenanceOptions().toJson()).isEqualTo(new JsonObject().put("unknownPolicy", "unknown"));
    JsonObject json = new JsonObject().put("serviceId", "web").put("unknownPolicy", "maintenance");
    ConsulMaintenanceOptions options = new ConsulMaintenanceOptions(json);
    assertThat(options.getServiceId()).isEqualTo("web");
    assertThat(options.getUnknownPolicy()).isEqualTo(ServiceStatus.MAINTENANCE);
    assertThat(options.toJson()).isEqualTo(json);
    assertThat(new ConsulMaintenanceOptions(options).toJson()).isEqualTo(json);
  }

  @Test
  void badValuesFailNamingTheField() {
    assertThatThrownBy(() -> new ConsulMaintenanceOptions(new JsonObject().put("unknownPolicy", "maybe")))
      .hasMessage("consul.unknownPolicy: expected ok, maintenance or unknown, got 'maybe'");
    assertThatThrownBy(() -> new ConsulMaintenanceOptions(new JsonObject().put("serviceId", " ")))
      .hasMessage("consul.serviceId: expected a non-empty string, got ' '");
    assertThatThrownBy(() -> new ConsulMaintenanceOptions(new JsonObject().put("address", "127.0.0.1:8500")))
      .hasMessage("consul.address: unknown field, expected one of serviceId, unknownPolicy");
    assertThatThrownBy(() -> new ConsulMaintenanceOptions().setServiceId(""))
      .hasMessage("consul.serviceId: must not be blank (leave it out instead)");
  }

  @Test
  void theSchemaDescribesMaintenancesKeys() {
    assertThat(ConsulMaintenanceOptions.schema()).isEqualTo(new JsonObject("""
      {"type": "object", "properties": {
        "serviceId": {"$ref": "#/$defs/text",
                      "description": "also honour `_service_maintenance:<id>`; switches use the service form"},
        "unknownPolicy": {"enum": ["ok", "maintenance", "unknown"], "default": "unknown",
          "description": "what `/status` says before Consul ever answered: `ok`, `maintenance` or `unknown` (500)"}},
       "additionalProperties": false}
      """));
  }
}
