package dev.vitals.status.consul.impl;

import dev.vitals.status.consul.ConsulException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading maintenance out of {@code /v1/health/node/<node>}. */
class NodeHealthTest {

  private static final String PATH = "/v1/health/node/n1";

  private static JsonObject check(String id, String notes) {
    return new JsonObject().put("Node", "n1").put("CheckID", id).put("Status", "critical").put("Notes", notes)
      .put("ServiceTags", new JsonArray());
  }

  private static NodeHealth parse(JsonArray checks) {
    return NodeHealth.parse("n1", PATH, checks.toBuffer(), 7);
  }

  @Test
  void nodeMaintenanceComesFirst() {
    NodeHealth health = parse(new JsonArray().add(check("serfHealth", ""))
      .add(check("_service_maintenance:web", "web")).add(check("_node_maintenance", "node")));
    assertThat(health.index()).isEqualTo(7);
    assertThat(health.maintenanceCheck("web")).isEqualTo("_node_maintenance");
    assertThat(health.notes("_node_maintenance")).isEqualTo("node");
  }

  @Test
  void serviceMaintenanceCountsOnlyForTheConfiguredService() {
    NodeHealth health = parse(new JsonArray().add(check("serfHealth", ""))
      .add(check("_service_maintenance:web", "")));
    assertThat(health.maintenanceCheck("web")).isEqualTo("_service_maintenance:web");
    assertThat(health.notes("_service_maintenance:web")).as("empty notes are no reason").isNull();
    assertThat(health.maintenanceCheck("api")).isNull();
    assertThat(health.maintenanceCheck(null)).isNull();
  }

  @Test
  void anEmptyArrayIsAnUnknownNode() {
    assertThatThrownBy(() -> parse(new JsonArray())).isInstanceOf(ConsulException.class)
      .hasMessage("Consul has no checks for node 'n1': is it registered?");
  }

  @Test
  void malformedAnswersAreNamed() {
    assertThatThrownBy(() -> NodeHealth.parse("n1", PATH, Buffer.buffer("[{\"CheckID\": "), 1))
      .hasMessageStartingWith("Consul answered malformed JSON for /v1/health/node/n1: ");
    assertThatThrownBy(() -> NodeHealth.parse("n1", PATH, Buffer.buffer("{}"), 1))
      .hasMessage("Consul answered malformed JSON for /v1/health/node/n1: expected an array of checks");
    assertThatThrownBy(() -> parse(new JsonArray().add(new JsonObject().put("Name", "x"))))
      .hasMessage("Consul answered malformed JSON for /v1/health/node/n1: a check without CheckID");
  }
}
