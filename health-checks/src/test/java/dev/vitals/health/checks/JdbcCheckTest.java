package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.test.PostgresServer;
import dev.vitals.health.test.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import static dev.vitals.health.checks.PostgresCheckTest.SLACK;
import static dev.vitals.health.checks.PostgresCheckTest.report;
import static org.assertj.core.api.Assertions.assertThat;

/** The jdbc check with PostgreSQL's JDBC driver against a real server, stopped and started again. */
@ExtendWith(VertxExtension.class)
class JdbcCheckTest {

  private static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static String url() {
    return "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";
  }

  @Test
  void itsOwnConnectionPassesFailsWhileTheServerIsDownAndIsOpenedAgain(Vertx vertx) throws Exception {
    CheckOptions db = new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0).setMaxStale(0).setTimeout(SLACK);
    JdbcCheck check = JdbcCheck.create(db, new JdbcCheckOptions(new JsonObject().put("url", url())
      .put("user", "postgres").put("password", PostgresServer.PASSWORD)));
    CheckRegistry registry = CheckRegistry.create(vertx);
    registry.registerBlocking(db, check);

    CheckReport passing = report(registry, "db");
    assertThat(passing.status()).as(passing.toString()).isEqualTo(HealthStatus.PASS);
    assertThat(passing.output()).startsWith("connection to " + url() + " valid in ");
    assertThat(passing.data().getString("product")).isEqualTo("PostgreSQL");

    server.stop();
    CheckReport failing = Await.poll(() -> report(registry, "db"), r -> r.status() == HealthStatus.FAIL,
      CheckReport::toString);
    assertThat(failing.output()).startsWith("connection to " + url()).doesNotContain(PostgresServer.PASSWORD);

    server.startAgain();
    Await.poll(() -> report(registry, "db"), r -> r.status() == HealthStatus.PASS, CheckReport::toString);
    Await.result(registry.close());
    check.close();
  }

  @Test
  void aWrongPasswordFailsWithoutShowingIt() throws Exception {
    String wrong = "Wr0ng-jdbc-Pa55";
    JdbcCheckOptions options = new JdbcCheckOptions().setUrl(url() + "?password=" + wrong).setUser("postgres");
    assertThat(options.toString()).doesNotContain(wrong);
    JdbcCheck check = JdbcCheck.create(new CheckOptions("db"), options);
    ProcedureResult failing = check.run();
    assertThat(failing.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(failing.output()).contains("password authentication failed").doesNotContain(wrong);
    check.close();
  }

  @Test
  void overTheApplicationsDataSourceEachRunBorrowsAConnection() throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url());
    dataSource.setUser("postgres");
    dataSource.setPassword(PostgresServer.PASSWORD);
    JdbcCheck check = JdbcCheck.create(dataSource, new CheckOptions("db"));

    ProcedureResult passing = check.run();
    assertThat(passing.status()).as(passing.toString()).isEqualTo(HealthStatus.PASS);
    assertThat(passing.output()).startsWith("connection to jdbc valid in ");
    assertThat(check.run().status()).isEqualTo(HealthStatus.PASS);
    check.close();
  }
}
