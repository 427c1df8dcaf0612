package dev.vitals.status.consul.impl;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.fleet.NodeStatus;
import dev.vitals.status.consul.ConsulException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One answer of {@code GET /v1/health/service/<service>}: each instance as a {@link NodeStatus}, sorted by node
 * and service id, at most {@code maxNodes} of them, and the answer's {@code X-Consul-Index}.
 *
 * <p>An entry {@code {"Node": {"Node", ...}, "Service": {"ID", "Service", ...}, "Checks": [{"CheckID", "Name",
 * "Status", "Notes", "Output", ...}]}} becomes: node {@code Node.Node}, instance {@code Service.ID}, application
 * {@code Service.Service}; outcome {@code fail} when a check is {@code critical} (or has a status Consul does not
 * document), {@code warn} when one is {@code warning}, else {@code pass}; ready when no check is critical;
 * maintenance when the entry lists {@code _node_maintenance} or {@code _service_maintenance:<Service.ID>}, the
 * reason being its {@code Notes} (the node's first); failing the checks that do not pass, critical first, named by
 * {@code Name} (else {@code CheckID}) with their {@code Output} (else their {@code Notes}); no probes.
 */
final class ServiceHealth {

  private static final Comparator<NodeStatus> ORDER = Comparator.comparing(NodeStatus::node)
    .thenComparing(NodeStatus::instance);

  private final long index;
  private final List<NodeStatus> instances;
  private final int listed;

  private ServiceHealth(long index, List<NodeStatus> instances, int listed) {
    this.index = index;
    this.instances = instances;
    this.listed = listed;
  }

  /**
   * @param service  the service asked about, the instances' application
   * @param path     the path asked, for the error message
   * @param body     the answer's body
   * @param index    the answer's {@code X-Consul-Index}
   * @param maxNodes how many instances are kept: the first by node and service id
   * @param received when the answer came, each instance's {@link NodeStatus#at()}
   * @return the parsed answer; {@code []} (no instance registered) is a valid, empty one
   * @throws ConsulException {@code Consul answered malformed JSON for <path>: <detail>} when the body is not an array
   *                         of entries with a string {@code Node.Node} and {@code Service.ID} and checks with a string
   *                         {@code CheckID}
   */
  static ServiceHealth parse(String service, String path, Buffer body, long index, int maxNodes, Instant received) {
    JsonArray entries = NodeHealth.array(path, body, "expected an array of service instances");
    List<NodeStatus> instances = new ArrayList<>(entries.size());
    for (Object entry : entries) {
      instances.add(instance(service, path, entry, received));
    }
    instances.sort(ORDER);
    int listed = instances.size();
    return new ServiceHealth(index, List.copyOf(instances.subList(0, Math.min(maxNodes, listed))), listed);
  }

  private static NodeStatus instance(String service, String path, Object entry, Instant received) {
    if (!(entry instanceof JsonObject json) || !(json.getValue("Node") instanceof JsonObject node)
      || !(node.getValue("Node") instanceof String nodeName) || nodeName.isBlank()
      || !(json.getValue("Service") instanceof JsonObject serviceJson)
      || !(serviceJson.getValue("ID") instanceof String id)) {
      throw NodeHealth.malformed(path, "an instance without Node.Node or Service.ID");
    }
    Object rawChecks = json.getValue("Checks");
    if (rawChecks != null && !(rawChecks instanceof JsonArray)) {
      throw NodeHealth.malformed(path, "Checks of " + nodeName + "/" + id + " is not an array");
    }
    List<NodeStatus.Failing> critical = new ArrayList<>();
    List<NodeStatus.Failing> warning = new ArrayList<>();
    String nodeReason = null;
    String serviceReason = null;
    for (Object item : rawChecks == null ? new JsonArray() : (JsonArray) rawChecks) {
      if (!(item instanceof JsonObject check) || !(check.getValue("CheckID") instanceof String checkId)) {
        throw NodeHealth.malformed(path, "a check without CheckID");
      }
      String notes = text(check, "Notes");
      if (checkId.equals(NodeHealth.NODE_CHECK)) {
        nodeReason = notes;
      } else if (checkId.equals(NodeHealth.SERVICE_CHECK_PREFIX + id)) {
        serviceReason = notes;
      }
      String status = text(check, "Status");
      if (status.equals("passing")) {
        continue;
      }
      String name = text(check, "Name").isEmpty() ? checkId : text(check, "Name");
      String output = text(check, "Output").isEmpty() ? notes : text(check, "Output");
      if (status.equals("warning")) {
        warning.add(new NodeStatus.Failing(name, HealthStatus.WARN, output));
      } else {
        critical.add(new NodeStatus.Failing(name, HealthStatus.FAIL, output));
      }
    }
    boolean maintenance = nodeReason != null || serviceReason != null;
    HealthStatus outcome = !critical.isEmpty() ? HealthStatus.FAIL
      : !warning.isEmpty() ? HealthStatus.WARN : HealthStatus.PASS;
    List<NodeStatus.Failing> failing = new ArrayList<>(critical);
    failing.addAll(warning);
    String reason = nodeReason != null ? nodeReason : serviceReason;
    return new NodeStatus(nodeName, service, id, outcome, critical.isEmpty(), Map.of(), failing, maintenance,
      maintenance && !reason.isEmpty() ? reason : null, received);
  }

  private static String text(JsonObject json, String key) {
    return json.getValue(key) instanceof String value ? value : "";
  }


  /** @return the answer's {@code X-Consul-Index}, as received */
  long index() {
    return index;
  }

  /** @return the instances kept, by node and service id */
  List<NodeStatus> instances() {
    return instances;
  }

  /** @return how many instances Consul listed, also those beyond the bound */
  int listed() {
    return listed;
  }
}
