package dev.vitals.samples;

import dev.vitals.status.consul.test.ConsulDouble;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.function.Predicate;

import static dev.vitals.health.test.Await.poll;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone verticle with {@code fleet.source: consul}: {@code /health/fleet} from a Consul service's instances
 * (the Consul API double), without clustering; the quorum follows Consul's checks; an outage keeps the view, stale.
 */
@ExtendWith(VertxExtension.class)
class StandaloneConsulFleetTest {

  private static HttpResponse<Buffer> until(WebClient client, int port, Predicate<HttpResponse<Buffer>> ok) {
    return poll(() -> result(client.get(port, "127.0.0.1", "/health/fleet").send()), ok, HttpResponse::bodyAsString);
  }

  @Test
  void theFleetOfAConsulServiceWithItsChecksQuorumAndOutage(Vertx vertx) {
    ConsulDouble consul = result(ConsulDouble.start(vertx));
    consul.registerInstance("node-a", "orders-1", "orders");
    consul.registerInstance("node-b", "orders-2", "orders");
    consul.registerInstance("node-c", "orders-3", "orders");
    consul.registerInstance("node-c", "billing-1", "billing");
    JsonObject config = new JsonObject()
      .put("http", new JsonObject().put("port", 0))
      .put("checks", new JsonArray())
      .put("consul", new JsonObject().put("address", consul.address()).put("service", "orders").put("wait", "2s")
        .put("backoffInitial", "50ms").put("backoffMax", "200ms"))
      .put("fleet", new JsonObject().put("source", "consul").put("quorum", "100%"));
    WebClient client = WebClient.create(vertx);
    int port = result(deploy(vertx, config)).actualPort();

    HttpResponse<Buffer> all = until(client, port, r -> r.statusCode() == 200);
    JsonObject body = all.bodyAsJsonObject();
    assertThat(body.getString("source")).isEqualTo("consul");
    assertThat(body.getInteger("total")).isEqualTo(3);
    assertThat(body.getJsonArray("nodes").stream().map(n -> ((JsonObject) n).getString("instance")))
      .containsExactlyInAnyOrder("orders-1", "orders-2", "orders-3");

    // A check turning critical in Consul: that instance is not ready, and the 100 % quorum is lost.
    consul.checkStatus("node-b", "service:orders-2", "critical", "HTTP GET /ping: 500");
    HttpResponse<Buffer> lost = until(client, port, r -> r.statusCode() == 503);
    JsonObject b = lost.bodyAsJsonObject().getJsonArray("nodes").stream().map(n -> (JsonObject) n)
      .filter(n -> n.getString("instance").equals("orders-2")).findFirst().orElseThrow();
    assertThat(b.getBoolean("ready")).isFalse();
    assertThat(b.getString("outcome")).isEqualTo("fail");
    assertThat(b.getJsonArray("failing").getJsonObject(0).getString("output")).isEqualTo("HTTP GET /ping: 500");

    // The dashboard shows the fleet: instances × checks, the failing one in its cell.
    String page = result(client.get(port, "127.0.0.1", "/health/ui").send()).bodyAsString();
    String check = b.getJsonArray("failing").getJsonObject(0).getString("name").replace("'", "&#39;"); // escaped
    assertThat(page).contains("<h2 id=\"fleet-title\">Fleet: 3 instances, 2 ready</h2>", ">orders-1</a></th>",
      ">orders-3</a></th>", "<tr data-fleet-check=\"" + check + "\">",
      "data-status=\"fail\" title=\"" + check + " on orders-2: fail: HTTP GET /ping: 500\"");

    // The fleet as metrics, for alerts on the quorum.
    String scrape = result(client.get(port, "127.0.0.1", "/metrics").send()).bodyAsString();
    assertThat(scrape).contains("vitals_fleet_instances{state=\"up\"} 3.0").contains("vitals_fleet_ready_instances 2.0")
      .contains("vitals_fleet_quorum_met 0.0");

    // Consul goes away: the last view stays, marked stale with the error.
    result(consul.refuse());
    HttpResponse<Buffer> stale = until(client, port, r -> r.bodyAsJsonObject().getBoolean("stale"));
    assertThat(stale.bodyAsJsonObject().getInteger("total")).isEqualTo(3);
    assertThat(stale.bodyAsJsonObject().getString("error")).isNotBlank();
    // No cluster, so no fleet maintenance.
    assertThat(result(client.put(port, "127.0.0.1", "/status/maintenance?scope=fleet").send()).statusCode())
      .isEqualTo(403); // without admin.token, maintenance switching is off
  }
}
