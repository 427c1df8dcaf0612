package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.test.MariaDbServer;
import dev.vitals.health.test.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.checks.PostgresCheckTest.SLACK;
import static dev.vitals.health.checks.PostgresCheckTest.report;
import static org.assertj.core.api.Assertions.assertThat;

/** The mysql check against a real MariaDB server, stopped and started again under the same registry. */
@ExtendWith(VertxExtension.class)
class MySQLCheckTest {

  private static MariaDbServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = MariaDbServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void passesFailsWhileTheServerIsDownAndPassesAgainWhenItReturns(Vertx vertx) throws Exception {
    CheckRegistry registry = CheckRegistry.create(vertx);
    CheckOptions db = new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0).setMaxStale(0).setTimeout(SLACK);
    MySQLCheck check = MySQLCheck.create(vertx, db,
      new SqlCheckOptions(new JsonObject().put("uri", server.uri(MariaDbServer.PASSWORD))));
    registry.register(db, check);

    CheckReport passing = report(registry, "db");
    assertThat(passing.status()).as(passing.toString()).isEqualTo(HealthStatus.PASS);
    assertThat(passing.output()).startsWith("SELECT 1 on 127.0.0.1:" + server.port() + "/mysql: ");
    assertThat(passing.data().getString("version")).contains("MariaDB");

    server.stop();
    CheckReport failing = Await.poll(() -> report(registry, "db"), r -> r.status() == HealthStatus.FAIL,
      CheckReport::toString);
    assertThat(failing.output()).startsWith("SELECT 1 on 127.0.0.1:" + server.port() + "/mysql: ")
      .doesNotContain(MariaDbServer.PASSWORD);

    server.startAgain();
    Await.poll(() -> report(registry, "db"), r -> r.status() == HealthStatus.PASS, CheckReport::toString);
    Await.result(registry.close());
    Await.result(check.close());
  }

  @Test
  void aWrongPasswordFailsWithoutShowingIt(Vertx vertx) {
    String wrong = "Wr0ng-maria-Pa55";
    MySQLCheck check = MySQLCheck.create(vertx, new CheckOptions("db").setTimeout(SLACK),
      new SqlCheckOptions().setUri("mariadb://127.0.0.1/mysql").setPort(server.port()).setUser("monitor")
        .setPassword(wrong));

    ProcedureResult failing = Await.result(check.run());
    assertThat(failing.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(failing.output()).contains("Access denied").doesNotContain(wrong);
    Await.result(check.close());
  }

  @Test
  void overTheApplicationsPoolASlowQueryWarns(Vertx vertx) {
    Pool pool = MySQLBuilder.pool().connectingTo(MySQLConnectOptions.fromUri(server.uri(MariaDbServer.PASSWORD)))
      .using(vertx).build();
    MySQLCheck check = MySQLCheck.create(pool, new SqlCheckOptions().setQuery("SELECT SLEEP(0.05)").setMaxLatency(1));

    ProcedureResult slow = Await.result(check.run());
    assertThat(slow.status()).as(slow.toString()).isEqualTo(HealthStatus.WARN);
    assertThat(slow.output()).startsWith("SELECT SLEEP(0.05) on mysql: ").endsWith("above maxLatency 1 ms");
    Await.result(check.close());
    assertThat(Await.result(pool.query("SELECT 1").execute()).size()).isEqualTo(1);
    Await.result(pool.close());
  }
}
