package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.test.RedisServer;
import dev.vitals.health.test.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.checks.PostgresCheckTest.SLACK;
import static dev.vitals.health.checks.PostgresCheckTest.report;
import static org.assertj.core.api.Assertions.assertThat;

/** The redis check against a real Redis server, stopped and started again under the same registry. */
@ExtendWith(VertxExtension.class)
class RedisCheckTest {

  private static RedisServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = RedisServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static CheckOptions uncached(String name) {
    return new CheckOptions(name).setSuccessTtl(0).setFailureTtl(0).setMaxStale(0).setTimeout(SLACK);
  }

  @Test
  void credentialsInTheUriArePercentDecodedAsTheRedisClientReadsThem() {
    RedisOptions options = new RedisCheckOptions().setUri("redis://us%3Aer:p%40ss%2Fw@127.0.0.1:6379/0").toRedisOptions();
    assertThat(options.getUser()).isEqualTo("us:er");
    assertThat(options.getPassword()).isEqualTo("p@ss/w");
    assertThat(options.getEndpoint()).isEqualTo("redis://127.0.0.1:6379/0");
  }

  @Test
  void passesFailsWhileTheServerIsDownAndPassesAgainWhenItReturns(Vertx vertx) throws Exception {
    CheckRegistry registry = CheckRegistry.create(vertx);
    RedisCheck check = RedisCheck.create(vertx, uncached("cache"),
      new RedisCheckOptions(new JsonObject().put("uri", server.uri(RedisServer.PASSWORD))));
    registry.register(uncached("cache"), check);

    CheckReport passing = report(registry, "cache");
    assertThat(passing.status()).as(passing.toString()).isEqualTo(HealthStatus.PASS);
    assertThat(passing.output()).startsWith("PING 127.0.0.1:" + server.port() + "/0: PONG in ");
    assertThat(passing.data().getString("role")).isEqualTo("master");

    AutoCloseable noise = RedisServer.holdBackClientNoise();
    try {
      server.stop();
      CheckReport failing = Await.poll(() -> report(registry, "cache"), r -> r.status() == HealthStatus.FAIL,
        CheckReport::toString);
      assertThat(failing.output()).startsWith("PING 127.0.0.1:" + server.port() + "/0: ")
        .doesNotContain(RedisServer.PASSWORD);

      server.startAgain();
      Await.poll(() -> report(registry, "cache"), r -> r.status() == HealthStatus.PASS, CheckReport::toString);
    } finally {
      noise.close();
    }
    Await.result(registry.close());
    Await.result(check.close());
  }

  @Test
  void aWrongPasswordFailsWithoutShowingIt(Vertx vertx) {
    String wrong = "Wr0ng-redis-Pa55";
    RedisCheckOptions options = new RedisCheckOptions().setHost("127.0.0.1").setPort(server.port())
      .setPassword(wrong);
    assertThat(options.toString()).doesNotContain(wrong);
    RedisCheck check = RedisCheck.create(vertx, uncached("cache"), options);

    ProcedureResult failing = Await.result(check.run());
    assertThat(failing.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(failing.output()).startsWith("PING 127.0.0.1:" + server.port() + ": ")
      .contains("WRONGPASS").doesNotContain(wrong);
    Await.result(check.close());
  }

  @Test
  void overTheApplicationsClientItLeavesTheClientOpen(Vertx vertx) {
    Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.uri(RedisServer.PASSWORD)));
    RedisCheck check = RedisCheck.create(redis, new RedisCheckOptions());

    ProcedureResult passing = Await.result(check.run());
    assertThat(passing.status()).as(passing.toString()).isEqualTo(HealthStatus.PASS);
    assertThat(passing.output()).startsWith("PING redis: PONG in ");
    Await.result(check.close());
    assertThat(Await.result(check.run()).status()).isEqualTo(HealthStatus.PASS);
    redis.close();
  }
}
