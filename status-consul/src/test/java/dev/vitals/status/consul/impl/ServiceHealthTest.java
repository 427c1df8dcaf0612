package dev.vitals.status.consul.impl;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.fleet.NodeStatus;
import dev.vitals.status.consul.ConsulException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading instances out of {@code /v1/health/service/<service>}, as Consul's API docs show the answer. */
class ServiceHealthTest {

  private static final String PATH = "/v1/health/service/web";
  private static final Instant AT = Instant.parse("2026-12-01T10:15:30Z");

  private static JsonObject entry(String node, String id, JsonObject... checks) {
    return new JsonObject().put("Node", new JsonObject().put("Node", node).put("Address", "10.1.10.12"))
      .put("Service", new JsonObject().put("ID", id).put("Service", "web").put("Port", 8000))
      .put("Checks", new JsonArray(java.util.List.of((Object[]) checks)));
  }

  private static JsonObject check(String id, String status, String output, String notes) {
    return new JsonObject().put("CheckID", id).put("Name", id.equals("serfHealth") ? "Serf Health Status" : "")
      .put("Status", status).put("Output", output).put("Notes", notes);
  }

  private static ServiceHealth parse(int maxNodes, JsonObject... entries) {
    return ServiceHealth.parse("web", PATH, new JsonArray(java.util.List.of((Object[]) entries)).toBuffer(), 42,
      maxNodes, AT);
  }

  @Test
  void eachEntryIsAnInstanceSortedByNodeAndServiceIdAndBounded() {
    ServiceHealth health = parse(2, entry("n2", "web"), entry("n1", "web-b"), entry("n1", "web-a"));
    assertThat(health.index()).isEqualTo(42);
    assertThat(health.listed()).isEqualTo(3);
    assertThat(health.instances()).extracting(s -> s.node() + "/" + s.instance())
      .containsExactly("n1/web-a", "n1/web-b");
    NodeStatus first = health.instances().get(0);
    assertThat(first.application()).isEqualTo("web");
    assertThat(first.outcome()).isEqualTo(HealthStatus.PASS);
    assertThat(first.ready()).isTrue();
    assertThat(first.at()).isEqualTo(AT);
    assertThat(parse(5).instances()).as("no instance registered").isEmpty();
  }

  @Test
  void checksMakeTheOutcomeReadinessFailingListAndMaintenance() {
    NodeStatus status = parse(9, entry("n1", "web-1", check("serfHealth", "passing", "alive", ""),
      check("service:web-1", "warning", "slow", ""), check("mem", "critical", "", "out of memory notes"),
      check("_service_maintenance:web-1", "critical", "", "deploy 42"),
      check("_service_maintenance:other", "critical", "", "not this one"))).instances().get(0);
    assertThat(status.outcome()).isEqualTo(HealthStatus.FAIL);
    assertThat(status.ready()).isFalse();
    assertThat(status.maintenance()).isTrue();
    assertThat(status.reason()).isEqualTo("deploy 42");
    assertThat(status.failing()).extracting(NodeStatus.Failing::name, NodeStatus.Failing::status,
      NodeStatus.Failing::output).containsExactly(
        org.assertj.core.groups.Tuple.tuple("mem", HealthStatus.FAIL, "out of memory notes"),
        org.assertj.core.groups.Tuple.tuple("_service_maintenance:web-1", HealthStatus.FAIL, "deploy 42"),
        org.assertj.core.groups.Tuple.tuple("_service_maintenance:other", HealthStatus.FAIL, "not this one"),
        org.assertj.core.groups.Tuple.tuple("service:web-1", HealthStatus.WARN, "slow"));

    NodeStatus node = parse(9, entry("n1", "web-1", check("_service_maintenance:web-1", "critical", "", "service"),
      check("_node_maintenance", "critical", "", "node"))).instances().get(0);
    assertThat(node.reason()).as("the node's reason first").isEqualTo("node");
    NodeStatus warning = parse(9, entry("n1", "web-1", check("c", "warning", "w", ""))).instances().get(0);
    assertThat(warning.outcome()).isEqualTo(HealthStatus.WARN);
    assertThat(warning.ready()).isTrue();
    assertThat(warning.maintenance()).isFalse();
    assertThat(warning.reason()).isNull();
    assertThat(parse(9, entry("n1", "web-1", check("c", "unknown-status", "", ""))).instances().get(0).ready())
      .as("a status Consul does not document counts as critical").isFalse();
  }

  @Test
  void malformedAnswersNameWhatIsWrong() {
    assertThatThrownBy(() -> ServiceHealth.parse("web", PATH, Buffer.buffer("{}"), 1, 9, AT))
      .isInstanceOf(ConsulException.class)
      .hasMessage("Consul answered malformed JSON for /v1/health/service/web: expected an array of service instances");
    assertThatThrownBy(() -> ServiceHealth.parse("web", PATH, Buffer.buffer("[{\"Node\": "), 1, 9, AT))
      .hasMessageStartingWith("Consul answered malformed JSON for /v1/health/service/web: ");
    assertThatThrownBy(() -> parse(9, new JsonObject().put("Node", new JsonObject().put("Node", "n1"))))
      .hasMessageEndingWith(": an instance without Node.Node or Service.ID");
    assertThatThrownBy(() -> parse(9, entry("n1", "web-1").put("Checks", "none")))
      .hasMessageEndingWith(": Checks of n1/web-1 is not an array");
    assertThatThrownBy(() -> parse(9, entry("n1", "web-1", new JsonObject().put("Status", "passing"))))
      .hasMessageEndingWith(": a check without CheckID");
  }
}
