package dev.vitals.status.consul.impl;

import dev.vitals.status.consul.ConsulException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/**
 * One answer of {@code GET /v1/health/node/<node>}: the maintenance checks it lists, by {@code CheckID}, with
 * their {@code Notes}, and the answer's {@code X-Consul-Index}. Other checks are only validated.
 */
final class NodeHealth {

  /** CheckID of node maintenance, registered by {@code PUT /v1/agent/maintenance?enable=true}. */
  static final String NODE_CHECK = "_node_maintenance";
  /** CheckID prefix of service maintenance; the service id follows. */
  static final String SERVICE_CHECK_PREFIX = "_service_maintenance:";

  private final long index;
  private final Map<String, String> notes;

  private NodeHealth(long index, Map<String, String> notes) {
    this.index = index;
    this.notes = notes;
  }

  /**
   * @param node  the node asked about, for the error message
   * @param path  the path asked, for the error message
   * @param body  the answer's body
   * @param index the answer's {@code X-Consul-Index}
   * @return the parsed answer
   * @throws ConsulException {@code Consul answered malformed JSON for <path>: <detail>} when the body is not an array
   *                         of check objects with a string {@code CheckID}; {@code Consul has no checks for node
   *                         '<node>': is it registered?} for an empty array, which is how Consul answers for an
   *                         unknown node
   */
  static NodeHealth parse(String node, String path, Buffer body, long index) {
    JsonArray checks = array(path, body, "expected an array of checks");
    if (checks.isEmpty()) {
      throw new ConsulException("Consul has no checks for node '" + node + "': is it registered?", 200);
    }
    Map<String, String> notes = new HashMap<>();
    for (Object item : checks) {
      if (!(item instanceof JsonObject) || !(((JsonObject) item).getValue("CheckID") instanceof String)) {
        throw malformed(path, "a check without CheckID");
      }
      JsonObject check = (JsonObject) item;
      String id = check.getString("CheckID");
      if (id.equals(NODE_CHECK) || id.startsWith(SERVICE_CHECK_PREFIX)) {
        Object text = check.getValue("Notes");
        notes.put(id, text instanceof String ? (String) text : "");
      }
    }
    return new NodeHealth(index, notes);
  }

  /**
   * @return the body as a JSON array; a {@link ConsulException} {@code Consul answered malformed JSON for <path>:
   * <detail>} when it is not one ({@code expected} is the detail when it is JSON of another shape)
   */
  static JsonArray array(String path, Buffer body, String expected) {
    Object decoded;
    try {
      decoded = body == null ? null : Json.decodeValue(body);
    } catch (DecodeException e) {
      throw malformed(path, e.getMessage());
    }
    if (!(decoded instanceof JsonArray array)) {
      throw malformed(path, expected);
    }
    return array;
  }

  /** @return {@code Consul answered malformed JSON for <path>: <detail>}, as an answer of status 200 */
  static ConsulException malformed(String path, String detail) {
    return new ConsulException("Consul answered malformed JSON for " + path + ": " + detail, 200);
  }

  /** @return the answer's {@code X-Consul-Index}, as received */
  long index() {
    return index;
  }

  /**
   * @param checkId a maintenance CheckID
   * @return whether the node has that check
   */
  boolean has(String checkId) {
    return notes.containsKey(checkId);
  }

  /**
   * @param serviceId the configured service, or {@code null}
   * @return the CheckID of the maintenance that applies (the node's first, then the service's), or {@code null}
   */
  String maintenanceCheck(String serviceId) {
    if (has(NODE_CHECK)) {
      return NODE_CHECK;
    }
    return serviceId != null && has(SERVICE_CHECK_PREFIX + serviceId) ? SERVICE_CHECK_PREFIX + serviceId : null;
  }

  /**
   * @param checkId a maintenance CheckID present in this answer
   * @return its {@code Notes}, {@code null} when empty
   */
  String notes(String checkId) {
    String text = notes.get(checkId);
    return text == null || text.isEmpty() ? null : text;
  }
}
