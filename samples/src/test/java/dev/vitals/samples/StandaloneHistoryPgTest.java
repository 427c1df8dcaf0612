package dev.vitals.samples;

import dev.vitals.health.checks.test.PostgresServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.poll;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.Standalone.closedPortUnchecked;
import static dev.vitals.samples.Standalone.config;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The standalone with {@code "history": {"store": {"type": "postgresql", ...}}} against a real PostgreSQL: two
 * instances sharing one database, each writing its own rows; one restarted, its past read back; started with
 * PostgreSQL down, {@code /health} answering all the same; the password never shown.
 */
@ExtendWith(VertxExtension.class)
class StandaloneHistoryPgTest {

  private static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static JsonObject instanceConfig(String instance, int dependency) {
    return config(new JsonObject().put("name", "db").put("type", "tcp").put("host", "127.0.0.1")
      .put("port", dependency).put("refreshPeriod", "200ms").put("successTtl", "200ms").put("failureTtl", "200ms"))
      .put("history", new JsonObject().put("instance", instance).put("flushInterval", "200ms")
        .put("store", new JsonObject().put("type", "postgresql").put("uri", server.uri(PostgresServer.PASSWORD))
          .put("connectTimeout", "2s").put("queryTimeout", "5s")));
  }

  private static List<String> rows(Vertx vertx, String query) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(server.uri(PostgresServer.PASSWORD)))
      .using(vertx).build();
    try {
      List<String> rows = new ArrayList<>();
      for (Row row : result(pool.query(query).execute())) {
        rows.add(row.getValue(0) + (row.size() > 1 ? ":" + row.getValue(1) : ""));
      }
      return rows;
    } catch (AssertionError noTableYet) {
      return List.of();
    } finally {
      result(pool.close());
    }
  }

  private static JsonObject get(Vertx vertx, int port, String path) {
    WebClient client = WebClient.create(vertx);
    try {
      return result(client.get(port, "127.0.0.1", path).send()).bodyAsJsonObject();
    } finally {
      client.close();
    }
  }

  private static String text(Vertx vertx, int port, String path) {
    WebClient client = WebClient.create(vertx);
    try {
      return result(client.get(port, "127.0.0.1", path).send()).bodyAsString();
    } finally {
      client.close();
    }
  }

  @Test
  void twoInstancesShareOneDatabaseAndARestartedOneGoesOnFromItsOwnPast(Vertx vertx) throws Exception {
    int dependencyOne = closedPortUnchecked();
    NetServer upTwo = result(vertx.createNetServer().connectHandler(socket -> socket.close()).listen(0, "127.0.0.1"));
    NetServer upOne = null;
    try {
      long deployed = System.nanoTime();
      result(deploy(vertx, instanceConfig("api-1", dependencyOne)));
      String oneId = vertx.deploymentIDs().iterator().next();
      StandaloneVerticle two = result(deploy(vertx, instanceConfig("api-2", upTwo.actualPort())));
      // each writes its own rows, into one database
      poll(() -> rows(vertx, "SELECT instance, to_status FROM vitals_history_transitions"
          + " WHERE instance IN ('api-1', 'api-2') ORDER BY instance"),
        seen -> seen.equals(List.of("api-1:fail", "api-2:pass")), Object::toString);
      assertThat(rows(vertx, "SELECT DISTINCT instance FROM vitals_history_series WHERE instance <> 'api-3'"
        + " ORDER BY instance")).containsExactly("api-1", "api-2");
      assertThat(rows(vertx, "SELECT version FROM vitals_history_schema_version")).as("migrated once")
        .containsExactly("1");
      // any instance's dashboard shows every instance writing to the store: api-2's shows api-1 failing db
      String ui = poll(() -> text(vertx, two.actualPort(), "/health/ui"),
        page -> page.contains("data-node=\"api-1\"") && page.contains("db on api-1: fail"), page -> page);
      assertThat(ui).contains("data-node=\"api-2\"");
      Thread.sleep(1_500); // api-1's dependency is down for these 1.5 s
      result(vertx.undeploy(oneId)); // its registry writes what it holds as it closes
      double failedSeconds = (System.nanoTime() - deployed) / 1e9;

      // api-1 restarts with its dependency up: it goes on from its own past (not api-2's, not from zero)
      upOne = result(vertx.createNetServer().connectHandler(socket -> socket.close())
        .listen(dependencyOne, "127.0.0.1"));
      long redeployed = System.nanoTime();
      StandaloneVerticle again = result(deploy(vertx, instanceConfig("api-1", dependencyOne)));
      poll(() -> get(vertx, again.actualPort(), "/health/history/db"), h -> "pass".equals(h.getString("status")),
        JsonObject::encode);
      Thread.sleep(1_500);
      JsonObject history = get(vertx, again.actualPort(), "/health/history/db");
      double passedSeconds = (System.nanoTime() - redeployed) / 1e9;
      assertThat(history.getJsonObject("availability").getDouble("1h")).as(history.encode())
        .isCloseTo(passedSeconds / (passedSeconds + failedSeconds), within(0.15))
        .isLessThan(0.8);
      assertThat(get(vertx, two.actualPort(), "/health/history/db").getJsonObject("availability").getDouble("1h"))
        .isEqualTo(1.0);
    } finally {
      for (String id : vertx.deploymentIDs()) {
        result(vertx.undeploy(id));
      }
      result(upTwo.close());
      if (upOne != null) {
        result(upOne.close());
      }
    }
  }

  @Test
  void withPostgresqlDownTheStandaloneStartsAndHealthAnswersAndThePasswordIsNeverShown(Vertx vertx)
    throws Exception {
    server.stop();
    try {
      StandaloneVerticle verticle = result(deploy(vertx, instanceConfig("api-3", closedPortUnchecked()), Map.of()));
      WebClient client = WebClient.create(vertx);
      try {
        assertThat(result(client.get(verticle.actualPort(), "127.0.0.1", "/health").send()).statusCode())
          .isEqualTo(503); // the check fails, as it would with any store
        assertThat(get(vertx, verticle.actualPort(), "/health/history/db").getString("status")).isEqualTo("fail");
        String environment = result(client.get(verticle.actualPort(), "127.0.0.1", "/environment").send())
          .bodyAsString();
        assertThat(environment).contains("\"type\":\"postgresql\"").doesNotContain(PostgresServer.PASSWORD);
      } finally {
        client.close();
      }
    } finally {
      server.startAgain();
    }
    // once PostgreSQL is back, what was held is written
    poll(() -> rows(vertx, "SELECT instance, to_status FROM vitals_history_transitions WHERE instance = 'api-3'"),
      seen -> seen.equals(List.of("api-3:fail")), Object::toString);
    for (String id : vertx.deploymentIDs()) {
      result(vertx.undeploy(id));
    }
  }

  @Test
  void postgresqlKeysWithoutItsTypeFailTheStartNamingTheField(Vertx vertx) {
    JsonObject config = instanceConfig("api-4", closedPortUnchecked());
    config.getJsonObject("history").getJsonObject("store").remove("type"); // sqlite by default
    assertThat(failure(deploy(vertx, config))).isInstanceOf(IllegalArgumentException.class)
      .hasMessageContaining("uri: only with type postgresql, got type 'sqlite'")
      .hasMessageNotContaining(PostgresServer.PASSWORD);
    config.getJsonObject("history").getJsonObject("store").put("type", "postgresql").put("maxPoolSize", 0);
    assertThat(failure(deploy(vertx, config))).hasMessageStartingWith("/history/store/maxPoolSize: ");
  }
}
