package dev.vitals.samples;

import dev.vitals.health.checks.test.PostgresServer;
import dev.vitals.health.checks.test.RedisServer;
import dev.vitals.health.test.Await;
import dev.vitals.health.test.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.Standalone.config;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone verticle configured with a postgres, a redis and a jdbc check against real servers, and a check that
 * depends on the database: it passes, fails while a server is stopped (the dependent blocked), and recovers when the
 * server returns, without a restart; passwords never show in /health, /environment or the log.
 */
@ExtendWith(VertxExtension.class)
class StandaloneDependenciesTest {

  private static PostgresServer postgres;
  private static RedisServer redis;

  @BeforeAll
  static void startServers() throws Exception {
    postgres = PostgresServer.start();
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    postgres.close();
    redis.close();
  }

  private static JsonObject uncached(JsonObject check) {
    return check.put("successTtl", 0).put("failureTtl", 0).put("maxStale", 0);
  }

  private static HttpResponse<Buffer> get(WebClient client, StandaloneVerticle verticle, String path) {
    return result(client.get(verticle.actualPort(), "127.0.0.1", path).send());
  }

  private static JsonObject check(HttpResponse<Buffer> health, String name) {
    for (Object result : health.bodyAsJsonObject().getJsonArray("results")) {
      if (name.equals(((JsonObject) result).getString("checker"))) {
        return (JsonObject) result;
      }
    }
    throw new AssertionError("no result for " + name + " in " + health.bodyAsString());
  }

  @Test
  void passesFailsWhileAServerIsDownAndRecoversWithoutARestart(Vertx vertx) throws Exception {
    JsonObject config = config(
      uncached(new JsonObject().put("name", "db").put("type", "postgres").put("uri", postgres.uri(PostgresServer.PASSWORD))),
      uncached(new JsonObject().put("name", "cache").put("type", "redis").put("host", "127.0.0.1")
        .put("port", redis.port()).put("password", RedisServer.PASSWORD)),
      uncached(new JsonObject().put("name", "orders").put("type", "tcp").put("host", "127.0.0.1")
        .put("port", postgres.port()).put("dependsOn", new JsonArray().add("db"))),
      new JsonObject().put("name", "legacy").put("type", "jdbc").put("url", "jdbc:postgresql://127.0.0.1:"
        + postgres.port() + "/postgres").put("user", "postgres").put("password", PostgresServer.PASSWORD));
    try (LogCapture logs = LogCapture.of(StandaloneVerticle.class.getName())) {
      StandaloneVerticle verticle = result(deploy(vertx, config));
      WebClient client = WebClient.create(vertx);

      HttpResponse<Buffer> healthy = get(client, verticle, "/health");
      assertThat(healthy.statusCode()).as(healthy.bodyAsString()).isEqualTo(200);
      assertThat(check(healthy, "db").getString("output")).startsWith("SELECT 1 on 127.0.0.1:" + postgres.port());
      assertThat(check(healthy, "cache").getString("output")).startsWith("PING 127.0.0.1:" + redis.port() + ": PONG");
      assertThat(check(healthy, "legacy").getJsonObject("data").getString("product")).isEqualTo("PostgreSQL");

      String environment = get(client, verticle, "/environment").bodyAsString();
      assertThat(environment).doesNotContain(PostgresServer.PASSWORD, RedisServer.PASSWORD)
        .contains("postgres:********@127.0.0.1:" + postgres.port());

      postgres.stop();
      HttpResponse<Buffer> down = Await.poll(() -> get(client, verticle, "/health/orders"),
        r -> r.statusCode() == 503, HttpResponse::bodyAsString);
      JsonObject orders = check(down, "orders");
      assertThat(orders.getString("output")).startsWith("blocked by db: SELECT 1 on 127.0.0.1:" + postgres.port());
      assertThat(orders.getJsonObject("data").getJsonArray("blockedBy")).containsExactly("db");
      assertThat(down.bodyAsString()).doesNotContain(PostgresServer.PASSWORD);

      postgres.startAgain();
      Await.poll(() -> get(client, verticle, "/health"), r -> r.statusCode() == 200, HttpResponse::bodyAsString);

      AutoCloseable noise = RedisServer.holdBackClientNoise();
      try {
        redis.stop();
        HttpResponse<Buffer> cacheDown = Await.poll(() -> get(client, verticle, "/health/cache"),
          r -> r.statusCode() == 503, HttpResponse::bodyAsString);
        assertThat(cacheDown.bodyAsString()).doesNotContain(RedisServer.PASSWORD);
        redis.startAgain();
        Await.poll(() -> get(client, verticle, "/health"), r -> r.statusCode() == 200, HttpResponse::bodyAsString);
      } finally {
        noise.close();
      }
      client.close();

      assertThat(logs.messages()).as("the changes of db, orders, cache and the outcome are logged")
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContain(PostgresServer.PASSWORD, RedisServer.PASSWORD));
    }
  }
}
