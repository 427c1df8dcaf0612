package dev.vitals.samples;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static dev.vitals.samples.Standalone.closedPort;
import static dev.vitals.samples.Standalone.config;
import static dev.vitals.samples.Standalone.deploy;
import static dev.vitals.samples.Standalone.getHealth;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class StandaloneVerticleTest {

  @Test
  void reportsAPassingHttpCheckAndAFailingTcpCheck(Vertx vertx, VertxTestContext test) throws IOException {
    int closed = closedPort();
    WebClient client = WebClient.create(vertx);
    vertx.createHttpServer()
      .requestHandler(request -> request.response().end("ok"))
      .listen(0, "127.0.0.1")
      .compose(dependency -> deploy(vertx, config(
        new JsonObject().put("name", "api").put("type", "http")
          .put("url", "http://127.0.0.1:" + dependency.actualPort() + "/ping"),
        new JsonObject().put("name", "db").put("type", "tcp").put("host", "127.0.0.1").put("port", closed))))
      .compose(verticle -> getHealth(client, verticle.actualPort()))
      .onComplete(test.succeeding(response -> test.verify(() -> {
        assertThat(response.statusCode()).isEqualTo(503);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("failure");
        assertThat(body.getString("outcome")).isEqualTo("fail");
        JsonArray results = body.getJsonArray("results");
        assertThat(results).hasSize(2);
        JsonObject api = results.getJsonObject(0);
        assertThat(api.getString("checker")).isEqualTo("api");
        assertThat(api.getBoolean("passed")).isTrue();
        assertThat(api.getString("output")).contains("200");
        JsonObject db = results.getJsonObject(1);
        assertThat(db.getString("checker")).isEqualTo("db");
        assertThat(db.getBoolean("passed")).isFalse();
        assertThat(db.getString("output"))
          .startsWith("connect to 127.0.0.1:" + closed + ": ")
          .containsIgnoringCase("connection refused");
        test.completeNow();
      })));
  }

  @Test
  void checksItsOwnMachineWithoutAnyConfig(Vertx vertx, VertxTestContext test) {
    WebClient client = WebClient.create(vertx);
    deploy(vertx, new JsonObject(), Map.of("VITALS_HTTP_PORT", "0"))
      .compose(verticle -> getHealth(client, verticle.actualPort()))
      .onComplete(test.succeeding(response -> test.verify(() -> {
        JsonArray results = response.bodyAsJsonObject().getJsonArray("results");
        assertThat(results.stream().map(r -> ((JsonObject) r).getString("checker")))
          .containsExactly("disk-space", "heap", "event-loop");
        assertThat(results.getJsonObject(0).getJsonObject("data").getLong("minFreeBytes"))
          .isEqualTo(100L * 1024 * 1024);
        assertThat(results.getJsonObject(1).getJsonObject("data").getDouble("maxUsed")).isEqualTo(0.9);
        test.completeNow();
      })));
  }

  @Test
  void restartsAtOnceOnTheSamePort(Vertx vertx, VertxTestContext test) {
    JsonObject config = new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("checks", new JsonArray());
    WebClient client = WebClient.create(vertx);
    int[] port = new int[1];
    deploy(vertx, config)
      .compose(first -> getHealth(client, port[0] = first.actualPort())
        .compose(response -> {
          test.verify(() -> assertThat(response.statusCode()).isEqualTo(200));
          return vertx.undeploy(first.deploymentID());
        })
        .map(undeployed -> {
          // Servers of one Vert.x instance share a port: bind outside Vert.x to prove the port was released.
          test.verify(() -> {
            assertThat(first.actualPort()).isEqualTo(-1);
            new ServerSocket(port[0], 1, InetAddress.getLoopbackAddress()).close();
          });
          return first;
        }))
      .compose(undeployed -> deploy(vertx, config.copy().put("http", new JsonObject().put("host", "127.0.0.1")
        .put("port", port[0]))))
      .compose(second -> {
        test.verify(() -> assertThat(second.actualPort()).isEqualTo(port[0]));
        return getHealth(client, port[0]);
      })
      .onComplete(test.succeeding(response -> test.verify(() -> {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("outcome")).isEqualTo("pass");
        test.completeNow();
      })));
  }

  @Test
  void takesThePortFromTheEnvironmentOverTheConfig(Vertx vertx, VertxTestContext test) {
    // Port 1 is privileged: had the config won, the deployment would fail, or (as root) listen on 1.
    JsonObject config = config().put("http", new JsonObject().put("port", 1));
    deploy(vertx, config, Map.of("VITALS_HTTP_PORT", "0", "VITALS_HTTP_HOST", "127.0.0.1"))
      .onComplete(test.succeeding(verticle -> test.verify(() -> {
        assertThat(verticle.actualPort()).isPositive().isNotEqualTo(1);
        test.completeNow();
      })));
  }

  @Test
  void failsToStartWhenThePortIsTaken(Vertx vertx, VertxTestContext test) throws IOException {
    ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    JsonObject config = config().put("http", new JsonObject().put("host", "127.0.0.1").put("port", taken.getLocalPort()));
    deploy(vertx, config).onComplete(ar -> test.verify(() -> {
      taken.close();
      assertThat(ar.failed()).as("deployment on a taken port").isTrue();
      assertThat(ar.cause()).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
      test.completeNow();
    }));
  }
}
