package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.checks.test.PostgresServer;
import dev.vitals.health.test.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The postgres check against a real PostgreSQL server, stopped and started again under the same registry. */
@ExtendWith(VertxExtension.class)
class PostgresCheckTest {

  /** A timeout far above a run on a loaded machine: these tests are about outcomes, not speed. */
  static final long SLACK = 10_000;

  private static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  /** Every request runs the check: no result is reused. */
  private static CheckOptions uncached(String name) {
    return new CheckOptions(name).setSuccessTtl(0).setFailureTtl(0).setMaxStale(0).setTimeout(SLACK);
  }

  static CheckReport report(CheckRegistry registry, String name) {
    return Await.result(registry.report(name)).checks().get(0);
  }

  @Test
  void passesFailsWhileTheServerIsDownAndPassesAgainWhenItReturns(Vertx vertx) throws Exception {
    CheckRegistry registry = CheckRegistry.create(vertx);
    PostgresCheck check = PostgresCheck.create(vertx, uncached("db"),
      new SqlCheckOptions(new JsonObject().put("uri", server.uri(PostgresServer.PASSWORD))));
    registry.register(uncached("db"), check);

    CheckReport passing = report(registry, "db");
    assertThat(passing.status()).as(passing.toString()).isEqualTo(HealthStatus.PASS);
    assertThat(passing.output()).startsWith("SELECT 1 on 127.0.0.1:" + server.port() + "/postgres: ");
    assertThat(passing.data().getString("version")).matches("\\d+\\.\\d+.*");
    assertThat(passing.data().getDouble("latencyMs")).isPositive();

    server.stop();
    CheckReport failing = Await.poll(() -> report(registry, "db"), r -> r.status() == HealthStatus.FAIL,
      CheckReport::toString);
    assertThat(failing.output()).startsWith("SELECT 1 on 127.0.0.1:" + server.port() + "/postgres: ")
      .doesNotContain(PostgresServer.PASSWORD);

    server.startAgain();
    CheckReport recovered = Await.poll(() -> report(registry, "db"), r -> r.status() == HealthStatus.PASS,
      CheckReport::toString);
    assertThat(recovered.output()).contains("SELECT 1 on");
    Await.result(registry.close());
    Await.result(check.close());
  }

  @Test
  void aWrongPasswordFailsWithoutShowingIt(Vertx vertx) {
    String wrong = "Wr0ng-pg-Pa55";
    SqlCheckOptions options = new SqlCheckOptions().setUri(server.uri(wrong));
    assertThat(options.toString()).doesNotContain(wrong).contains("postgres:********@");
    PostgresCheck check = PostgresCheck.create(vertx, uncached("db"), options);
    CheckRegistry registry = CheckRegistry.create(vertx);
    registry.register(uncached("db"), check);

    CheckReport failing = report(registry, "db");
    assertThat(failing.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(failing.output()).contains("password authentication failed").doesNotContain(wrong);
    assertThat(failing.toString()).doesNotContain(wrong);
    Await.result(check.close());
  }

  @Test
  void theFieldsOverrideTheUriAndASlowQueryWarns(Vertx vertx) {
    SqlCheckOptions options = new SqlCheckOptions()
      .setUri("postgresql://nobody:nothing@127.0.0.1:1/none")
      .setPort(server.port()).setUser("postgres").setPassword(PostgresServer.PASSWORD).setDatabase("postgres")
      .setQuery("SELECT pg_sleep(0.05)").setMaxLatency(1);
    assertThat(options.toString()).doesNotContain(PostgresServer.PASSWORD).doesNotContain("nothing");
    PostgresCheck check = PostgresCheck.create(vertx, uncached("db"), options);

    var result = Await.result(check.run());
    assertThat(result.status()).as(result.toString()).isEqualTo(HealthStatus.WARN);
    assertThat(result.output()).startsWith("SELECT pg_sleep(0.05) on 127.0.0.1:" + server.port() + "/postgres: ")
      .endsWith("above maxLatency 1 ms");
    Await.result(check.close());
  }

  /**
   * The application's own pool: the check borrows its connection and leaves the pool open. Under a burst of
   * requests the query runs once per TTL: the server's statement log counts it.
   */
  @Test
  void overTheApplicationsPoolTheQueryRunsOncePerTtlUnderLoad(Vertx vertx) throws Exception {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(server.uri(PostgresServer.PASSWORD)))
      .using(vertx).build();
    String probe = "SELECT 1 AS vitals_ttl_probe";
    CheckRegistry registry = CheckRegistry.create(vertx);
    PostgresCheck check = PostgresCheck.create(pool, new SqlCheckOptions().setQuery(probe));
    registry.register(new CheckOptions("db").setSuccessTtl(60_000).setTimeout(SLACK), check);

    List<Future<?>> burst = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      burst.add(registry.report());
    }
    Await.result(Future.all(burst));
    assertThat(report(registry, "db").output()).startsWith(probe + " on postgres: ");
    Await.result(check.close());
    // The pool is still the application's: it still runs queries, and one of them marks the end of the log.
    Await.result(pool.query("SELECT 2 AS vitals_marker").execute());
    Await.until(() -> count("SELECT 2 AS vitals_marker") == 1, () -> "marker not logged");
    assertThat(count(probe)).isEqualTo(1);
    Await.result(pool.close());
  }

  /** The check's own client holds one connection, whatever the number of runs. */
  @Test
  void itsOwnClientHoldsOneConnectionAcrossRuns(Vertx vertx) throws Exception {
    PostgresCheck check = PostgresCheck.create(vertx, uncached("db"),
      new SqlCheckOptions().setUri(server.uri(PostgresServer.PASSWORD)));
    CheckRegistry registry = CheckRegistry.create(vertx);
    registry.register(uncached("db"), check);
    long before = server.connections();
    for (int i = 0; i < 20; i++) {
      assertThat(report(registry, "db").status()).isEqualTo(HealthStatus.PASS);
    }
    assertThat(server.connections() - before).isEqualTo(1);
    Await.result(registry.close());
    Await.result(check.close());
  }

  private static long count(String statement) {
    try {
      return server.executions(statement);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
