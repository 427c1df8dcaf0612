package dev.vitals.status.consul;

import dev.vitals.status.consul.test.ConsulDouble;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** The double answers as Consul's agent HTTP API does, so that the other tests test against Consul's contract. */
@ExtendWith(VertxExtension.class)
class ConsulDoubleTest {

  private ConsulDouble consul;
  private Operator operator;
  private WebClient client;

  @BeforeEach
  void setUp(Vertx vertx) {
    consul = result(ConsulDouble.start(vertx));
    operator = new Operator(vertx, consul);
    client = WebClient.create(vertx);
  }

  @AfterEach
  void tearDown() {
    client.close();
    operator.close();
    result(consul.close());
  }

  private HttpResponse<Buffer> get(String uri) {
    return result(client.get(consul.port(), "127.0.0.1", uri).send());
  }

  @Test
  void maintenanceParametersAreCheckedWithConsulsBodies() {
    HttpResponse<Buffer> missing = operator.put("/v1/agent/maintenance");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.bodyAsString()).isEqualTo("Missing value for enable");
    HttpResponse<Buffer> invalid = operator.put("/v1/agent/maintenance", "enable", "yes");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.bodyAsString()).isEqualTo("Invalid value for enable: \"yes\"");
    HttpResponse<Buffer> unknown = operator.put("/v1/agent/service/maintenance/web", "enable", "true");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsString()).isEqualTo("No service registered with ID \"web\"");
  }

  @Test
  void nodeMaintenanceIsACheckOnTheNode() {
    operator.enableNode(null);
    JsonObject check = operator.checks().stream().map(JsonObject.class::cast)
      .filter(c -> c.getString("CheckID").equals("_node_maintenance")).findFirst().orElseThrow();
    assertThat(check.getString("Name")).isEqualTo("Node Maintenance Mode");
    assertThat(check.getString("Status")).isEqualTo("critical");
    assertThat(check.getString("Notes")).isEqualTo(ConsulDouble.NODE_DEFAULT_NOTES);
    assertThat(check.getString("Type")).isEqualTo("maintenance");
    assertThat(check.getString("ServiceID")).isEmpty();
    assertThat(check.getJsonArray("ServiceTags")).isEmpty();
    operator.enableNode("second reason");
    assertThat(operator.checks().stream().map(JsonObject.class::cast)
      .filter(c -> c.getString("CheckID").equals("_node_maintenance")).findFirst().orElseThrow()
      .getString("Notes")).as("Consul keeps the first reason").isEqualTo(ConsulDouble.NODE_DEFAULT_NOTES);
    operator.disableNode();
    assertThat(operator.checks()).extracting(c -> ((JsonObject) c).getString("CheckID")).containsExactly("serfHealth");
  }

  @Test
  void anUnknownNodeIs200WithAnEmptyArray() {
    HttpResponse<Buffer> response = get("/v1/health/node/ghost");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonArray()).isEqualTo(new JsonArray());
    assertThat(response.getHeader("X-Consul-Index")).isEqualTo(Long.toString(consul.index()));
    assertThat(response.getHeader("X-Consul-KnownLeader")).isEqualTo("true");
  }

  @Test
  void aBlockingQueryIsHeldUntilAChange() {
    long index = consul.index();
    Future<HttpResponse<Buffer>> held = client.get(consul.port(), "127.0.0.1",
      "/v1/health/node/node-1?index=" + index + "&wait=30s").send();
    until(() -> consul.held() == 1, () -> "held");
    assertThat(held.isComplete()).isFalse();
    consul.touch();
    HttpResponse<Buffer> answer = result(held);
    assertThat(answer.getHeader("X-Consul-Index")).isEqualTo(Long.toString(index + 1));
  }

  @Test
  void aBlockingQueryAnswersUnchangedWhenTheWaitEnds() {
    long index = consul.index();
    HttpResponse<Buffer> answer = get("/v1/health/node/node-1?index=" + index + "&wait=50ms");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.getHeader("X-Consul-Index")).isEqualTo(Long.toString(index));
    assertThat(get("/v1/health/node/node-1?index=1&wait=10").bodyAsString()).isEqualTo("Invalid wait time");
  }

  @Test
  void aclDenialsAre403() {
    consul.requireToken("secret");
    assertThat(get("/v1/agent/self").bodyAsString()).startsWith("Permission denied");
    HttpResponse<Buffer> wrong = result(client.get(consul.port(), "127.0.0.1", "/v1/agent/self")
      .putHeader("X-Consul-Token", "nope").send());
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.bodyAsString()).isEqualTo("ACL not found");
    HttpResponse<Buffer> bearer = result(client.get(consul.port(), "127.0.0.1", "/v1/agent/self")
      .putHeader("Authorization", "Bearer secret").send());
    assertThat(bearer.bodyAsJsonObject().getJsonObject("Config").getString("NodeName")).isEqualTo("node-1");
  }

  @Test
  void serviceHealthListsEachInstanceWithItsNodesChecksAndItsOwn() {
    consul.registerInstance("node-1", "web-1", "web");
    consul.registerInstance("node-2", "web-2", "web");
    consul.registerInstance("node-2", "db-1", "db");
    consul.checkStatus("node-2", "service:web-2", "critical", "connection refused");
    HttpResponse<Buffer> response = get("/v1/health/service/web");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("X-Consul-Index")).isEqualTo(Long.toString(consul.index()));
    JsonArray entries = response.bodyAsJsonArray();
    assertThat(entries).hasSize(2);
    JsonObject second = entries.getJsonObject(1);
    assertThat(second.getJsonObject("Node").getString("Node")).isEqualTo("node-2");
    assertThat(second.getJsonObject("Service").getString("ID")).isEqualTo("web-2");
    assertThat(second.getJsonObject("Service").getString("Service")).isEqualTo("web");
    assertThat(second.getJsonArray("Checks")).extracting(c -> ((JsonObject) c).getString("CheckID"))
      .as("the node's checks and its own, not db-1's").containsExactly("serfHealth", "service:web-2");
    assertThat(second.getJsonArray("Checks").getJsonObject(1).getString("Status")).isEqualTo("critical");
    assertThat(second.getJsonArray("Checks").getJsonObject(1).getString("Output")).isEqualTo("connection refused");

    assertThat(get("/v1/health/service/web?passing").bodyAsJsonArray()).extracting(e ->
      ((JsonObject) e).getJsonObject("Service").getString("ID")).containsExactly("web-1");
    assertThat(get("/v1/health/service/nothing").bodyAsJsonArray()).isEmpty();

    consul.registerCheck("node-1", "web-1", "web-1-db", "database", "warning", "slow");
    consul.registerCheck("node-1", "", "disk", "Disk", "passing", "");
    assertThat(get("/v1/health/service/web").bodyAsJsonArray().getJsonObject(0).getJsonArray("Checks"))
      .extracting(c -> ((JsonObject) c).getString("CheckID"))
      .containsExactly("serfHealth", "service:web-1", "web-1-db", "disk");
    assertThat(get("/v1/health/service/web?passing").bodyAsJsonArray()).isEmpty();

    consul.deregisterInstance("node-2", "web-2");
    assertThat(get("/v1/health/service/web").bodyAsJsonArray()).hasSize(1);
    assertThat(get("/v1/health/node/node-2").bodyAsJsonArray()).extracting(c -> ((JsonObject) c).getString("CheckID"))
      .containsExactly("serfHealth", "service:db-1");
  }

  @Test
  void aBlockingServiceQueryIsHeldUntilAChangeAndFaultsApply() {
    consul.registerInstance("node-2", "web-2", "web");
    long index = consul.index();
    Future<HttpResponse<Buffer>> held = client.get(consul.port(), "127.0.0.1",
      "/v1/health/service/web?index=" + index + "&wait=30s").send();
    until(() -> consul.held() == 1, () -> "held");
    assertThat(held.isComplete()).isFalse();
    consul.nodeMaintenance("node-2", "kernel upgrade");
    HttpResponse<Buffer> answer = result(held);
    assertThat(answer.getHeader("X-Consul-Index")).isEqualTo(Long.toString(index + 1));
    assertThat(answer.bodyAsJsonArray().getJsonObject(0).getJsonArray("Checks").stream().map(JsonObject.class::cast)
      .filter(c -> c.getString("CheckID").equals("_node_maintenance")).findFirst().orElseThrow()
      .getString("Notes")).isEqualTo("kernel upgrade");
    assertThat(consul.serviceQueries()).containsExactly("index=" + index + "&wait=30s");
    assertThat(consul.requests("health/service")).isEqualTo(1);

    consul.requireToken("secret");
    HttpResponse<Buffer> denied = result(client.get(consul.port(), "127.0.0.1", "/v1/health/service/web")
      .putHeader("X-Consul-Token", "nope").send());
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.bodyAsString()).isEqualTo("ACL not found");
    consul.clearFaults();
    consul.malformedJson(true);
    assertThat(get("/v1/health/service/web").bodyAsString()).startsWith("[{");
    consul.clearFaults();
    consul.failWith(500);
    assertThat(get("/v1/health/service/web").statusCode()).isEqualTo(500);
  }
}
