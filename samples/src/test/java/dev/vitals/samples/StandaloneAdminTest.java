package dev.vitals.samples;

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

import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** /status, the maintenance switch, readiness and /environment of the standalone verticle, through real HTTP. */
@ExtendWith(VertxExtension.class)
class StandaloneAdminTest {

  private static final String TOKEN = "admin-s3cret";

  private static JsonObject config(String host) {
    return new JsonObject()
      .put("http", new JsonObject().put("host", host).put("port", 0))
      .put("application", new JsonObject().put("name", "orders").put("version", "1.4.2"))
      .put("checks", new JsonArray().add(new JsonObject().put("name", "heap").put("type", "heap")
        .put("tags", new JsonArray().add("liveness").add("readiness"))));
  }

  private static HttpResponse<Buffer> get(WebClient client, int port, String path) {
    return result(client.get(port, "127.0.0.1", path).send());
  }

  @Test
  void statusMaintenanceAndReadinessWorkTogether(Vertx vertx) {
    WebClient client = WebClient.create(vertx);
    StandaloneVerticle verticle = result(deploy(vertx, config("127.0.0.1").put("admin", new JsonObject().put("token", TOKEN))));
    int port = verticle.actualPort();

    HttpResponse<Buffer> status = get(client, port, "/status");
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.bodyAsJsonObject().getString("application")).isEqualTo("orders");
    assertThat(status.bodyAsJsonObject().getString("version")).isEqualTo("1.4.2");
    assertThat(status.bodyAsJsonObject().getString("status")).isEqualTo("ok");

    assertThat(result(client.put(port, "127.0.0.1", "/status/maintenance").send()).statusCode())
      .as("writes need the token even on loopback").isEqualTo(401);
    assertThat(result(client.put(port, "127.0.0.1", "/status/maintenance").bearerTokenAuthentication("x").send())
      .statusCode()).isEqualTo(403);
    HttpResponse<Buffer> bad = result(client.put(port, "127.0.0.1", "/status/maintenance")
      .bearerTokenAuthentication(TOKEN).sendBuffer(Buffer.buffer("{reason")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(get(client, port, "/status").statusCode()).as("nothing changed").isEqualTo(200);

    HttpResponse<Buffer> on = result(client.put(port, "127.0.0.1", "/status/maintenance")
      .bearerTokenAuthentication(TOKEN).sendJsonObject(new JsonObject().put("reason", "db failover")));
    assertThat(on.statusCode()).isEqualTo(200);
    HttpResponse<Buffer> inMaintenance = get(client, port, "/status");
    assertThat(inMaintenance.statusCode()).isEqualTo(503);
    assertThat(inMaintenance.bodyAsJsonObject().getString("reason")).isEqualTo("db failover");
    HttpResponse<Buffer> ready = get(client, port, "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.bodyAsString()).contains("in maintenance: db failover");
    assertThat(get(client, port, "/health/live").statusCode()).isEqualTo(200);

    assertThat(result(client.delete(port, "127.0.0.1", "/status/maintenance").bearerTokenAuthentication(TOKEN).send())
      .statusCode()).isEqualTo(200);
    assertThat(get(client, port, "/status").statusCode()).isEqualTo(200);
    assertThat(get(client, port, "/health/ready").statusCode()).isEqualTo(200);
    assertThat(get(client, port, "/nowhere").bodyAsJsonObject().getInteger("status")).isEqualTo(404);
  }

  @Test
  void withoutATokenMaintenanceCannotBeSwitched(Vertx vertx) {
    WebClient client = WebClient.create(vertx);
    StandaloneVerticle verticle = result(deploy(vertx, config("127.0.0.1")));
    HttpResponse<Buffer> refused = result(client.put(verticle.actualPort(), "127.0.0.1", "/status/maintenance").send());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsJsonObject().getString("error")).contains("admin.token");
  }

  @Test
  void theEnvironmentIsOpenOnLoopbackAndScrubbed(Vertx vertx) {
    WebClient client = WebClient.create(vertx);
    StandaloneVerticle verticle = result(deploy(vertx, config("127.0.0.1")
      .put("admin", new JsonObject().put("token", TOKEN))
      .put("environment", new JsonObject().put("includeProcess", false))));
    HttpResponse<Buffer> env = get(client, verticle.actualPort(), "/environment");
    assertThat(env.statusCode()).isEqualTo(200);
    JsonObject body = env.bodyAsJsonObject();
    assertThat(body.fieldNames()).containsExactly("os", "jvm", "vertx", "application", "config");
    assertThat(body.getJsonObject("config").getJsonObject("admin").getString("token")).isEqualTo("********");
    assertThat(env.bodyAsString()).doesNotContain(TOKEN);
  }

  @Test
  void onANonLoopbackAddressTheEnvironmentNeedsTheToken(Vertx vertx) {
    WebClient client = WebClient.create(vertx);
    StandaloneVerticle verticle = result(deploy(vertx, config("0.0.0.0"), Map.of("VITALS_ADMIN_TOKEN", TOKEN)));
    int port = verticle.actualPort();
    assertThat(get(client, port, "/environment").statusCode()).isEqualTo(401);
    assertThat(result(client.get(port, "127.0.0.1", "/environment").bearerTokenAuthentication("wrong").send())
      .statusCode()).isEqualTo(403);
    assertThat(result(client.get(port, "127.0.0.1", "/environment").bearerTokenAuthentication(TOKEN).send())
      .statusCode()).isEqualTo(200);
    assertThat(get(client, port, "/health").statusCode()).as("health stays open").isEqualTo(200);
  }

  @Test
  void theEnvironmentCanBeSwitchedOff(Vertx vertx) {
    WebClient client = WebClient.create(vertx);
    StandaloneVerticle verticle = result(deploy(vertx, config("0.0.0.0")
      .put("environment", new JsonObject().put("enabled", false))));
    HttpResponse<Buffer> off = get(client, verticle.actualPort(), "/environment");
    assertThat(off.statusCode()).isEqualTo(404);
    assertThat(off.bodyAsJsonObject().getInteger("status")).isEqualTo(404);
  }

  @Test
  void aNonLoopbackBindWithoutTokenFailsAtStartUpNamingTheField(Vertx vertx) {
    assertThatThrownBy(() -> result(deploy(vertx, config("0.0.0.0"))))
      .hasStackTraceContaining("environment.enabled: the environment dump would be served on 0.0.0.0");
  }
}
