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

import java.util.Map;
import java.util.function.Predicate;

import static dev.vitals.health.test.Await.poll;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/** The standalone verticle with maintenance in Consul (the Consul API double), through real HTTP. */
@ExtendWith(VertxExtension.class)
class StandaloneConsulTest {

  private static final String TOKEN = "admin-t";

  /** Asks until the answer satisfies the condition; the watch sees Consul's change within one round trip. */
  private static HttpResponse<Buffer> until(WebClient client, int port, String path, Predicate<HttpResponse<Buffer>> ok) {
    return poll(() -> result(client.get(port, "127.0.0.1", path).send()), ok, last -> last.bodyAsString());
  }

  private static JsonObject config(ConsulDouble consul) {
    return new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("admin", new JsonObject().put("token", TOKEN))
      .put("checks", new JsonArray())
      .put("consul", new JsonObject().put("address", consul.address()).put("wait", "2s")
        .put("backoffInitial", "50ms").put("backoffMax", "200ms"));
  }

  @Test
  void maintenanceInConsulIsSeenOnStatusAndSwitchedThroughTheAdminEndpoint(Vertx vertx) throws Exception {
    ConsulDouble consul = result(ConsulDouble.start(vertx));
    WebClient client = WebClient.create(vertx);
    int port = result(deploy(vertx, config(consul))).actualPort();

    HttpResponse<Buffer> ok = until(client, port, "/status", r -> r.statusCode() == 200);
    assertThat(ok.bodyAsJsonObject().getString("source")).isEqualTo("consul");

    // Another operator drains the node in Consul.
    assertThat(result(client.put(consul.port(), "127.0.0.1", "/v1/agent/maintenance")
      .addQueryParam("enable", "true").addQueryParam("reason", "rack move").send()).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> drained = until(client, port, "/status", r -> r.statusCode() == 503);
    assertThat(drained.bodyAsJsonObject().getString("reason")).isEqualTo("rack move");
    assertThat(until(client, port, "/health/ready", r -> r.statusCode() == 503).bodyAsString()).contains("rack move");

    // Switching it off through Vitals reaches Consul.
    HttpResponse<Buffer> off = result(client.delete(port, "127.0.0.1", "/status/maintenance")
      .bearerTokenAuthentication(TOKEN).send());
    assertThat(off.statusCode()).isEqualTo(200);
    assertThat(off.bodyAsJsonObject().getString("status")).isEqualTo("ok");
    assertThat(consul.requests("agent/maintenance")).isEqualTo(2);
    assertThat(until(client, port, "/status", r -> r.statusCode() == 200).bodyAsJsonObject().getString("status"))
      .isEqualTo("ok");

    // The agent check is registered, non-critical.
    JsonObject check = result(client.get(port, "127.0.0.1", "/health/consul").send()).bodyAsJsonObject()
      .getJsonArray("results").getJsonObject(0);
    assertThat(check.getBoolean("critical")).isFalse();
    assertThat(check.getBoolean("passed")).isTrue();
  }

  @Test
  void aConsulOutageLeavesStatusAnsweringStaleAndRequestsToConsulBounded(Vertx vertx) throws Exception {
    ConsulDouble consul = result(ConsulDouble.start(vertx));
    WebClient client = WebClient.create(vertx);
    int port = result(deploy(vertx, config(consul))).actualPort();
    until(client, port, "/status", r -> r.statusCode() == 200 && !r.bodyAsJsonObject().containsKey("stale"));

    for (int i = 0; i < 200; i++) {
      result(client.get(port, "127.0.0.1", "/status").send());
    }
    assertThat(consul.maxInFlight("health/node")).isEqualTo(1);
    assertThat(consul.requests("health/node")).as("hammering /status does not reach Consul").isLessThan(10);

    consul.failWith(500);
    HttpResponse<Buffer> stale = until(client, port, "/status", r -> r.bodyAsJsonObject().containsKey("stale"));
    assertThat(stale.statusCode()).as("the last known state").isEqualTo(200);
    assertThat(stale.bodyAsJsonObject().getString("error")).contains("500");
    assertThat(result(client.get(port, "127.0.0.1", "/health").send()).statusCode())
      .as("a Consul outage is a warning, not a failure").isEqualTo(200);

    consul.clearFaults();
    until(client, port, "/status", r -> !r.bodyAsJsonObject().containsKey("stale"));
  }

  @Test
  void consulHttpAddrInTheEnvironmentSwitchesToConsul(Vertx vertx) throws Exception {
    ConsulDouble consul = result(ConsulDouble.start(vertx));
    WebClient client = WebClient.create(vertx);
    JsonObject config = new JsonObject().put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("checks", new JsonArray());
    int port = result(deploy(vertx, config, Map.of("CONSUL_HTTP_ADDR", consul.address()))).actualPort();
    assertThat(until(client, port, "/status", r -> r.statusCode() == 200).bodyAsJsonObject().getString("source"))
      .isEqualTo("consul");
  }
}
