package dev.vitals.health.web;

import dev.vitals.environment.EnvironmentDump;
import dev.vitals.environment.EnvironmentOptions;
import dev.vitals.health.web.environment.EnvironmentHandler;
import dev.vitals.health.web.guard.AdminTokenHandler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class EnvironmentHandlerTest {

  private TestServer http;
  private WebClient client;

  @BeforeEach
  void setUp(Vertx vertx) {
    EnvironmentDump dump = EnvironmentDump.create(vertx, new EnvironmentOptions()
      .setConfig(new JsonObject().put("db", new JsonObject().put("url", "postgres://app:pl4nted@db/x"))));
    dump.addSection("custom", new JsonObject().put("apiKey", "pl4nted-key").put("region", "eu"));
    Router router = Router.router(vertx);
    router.route("/environment").handler(EnvironmentHandler.create(dump));
    router.route("/guarded").handler(AdminTokenHandler.create("t")).handler(EnvironmentHandler.create(dump));
    http = new TestServer(vertx, router);
    client = http.client;
  }

  @AfterEach
  void tearDown() {
    http.close();
  }

  @Test
  void servesEverySectionScrubbed() {
    HttpResponse<Buffer> response = result(client.get("/environment").send());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.fieldNames()).containsExactly("os", "jvm", "process", "vertx", "application", "config", "custom");
    assertThat(body.getJsonObject("custom").getString("region")).isEqualTo("eu");
    assertThat(response.bodyAsString()).doesNotContain("pl4nted");
    assertThat(result(client.head("/environment").send()).body()).isNull();
  }

  @Test
  void otherMethodsGive405AndAGuardCanStandInFront() {
    HttpResponse<Buffer> post = result(client.post("/environment").send());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.getHeader("Allow")).isEqualTo("GET, HEAD");
    assertThat(result(client.get("/guarded").send()).statusCode()).isEqualTo(401);
    assertThat(result(client.get("/guarded").bearerTokenAuthentication("x").send()).statusCode()).isEqualTo(403);
    assertThat(result(client.get("/guarded").bearerTokenAuthentication("t").send()).statusCode()).isEqualTo(200);
  }
}
