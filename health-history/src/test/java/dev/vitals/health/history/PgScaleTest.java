package dev.vitals.health.history;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.test.PostgresServer;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;



/**
 * As {@code SqliteScaleTest}, on PostgreSQL: a registry of {@code vitals.scaleChecks} checks (200; docs/history.md
 * gives 1,000) starting on a database holding 30 days of each, another instance's rows beside them: how long the
 * read at start takes, and {@link CheckRegistry#history()} of them all afterwards, from the compact sums.
 */
@ExtendWith(VertxExtension.class)
class PgScaleTest {

  private static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void thirtyDaysOfEveryCheckAreReadAtStartAndTheWindowsComputedFromTheSums(Vertx vertx) {
    int checks = ThirtyDays.checks();
    MutableClock clock = new MutableClock(ThirtyDays.NOW);
    HistoryStoreOptions options = new HistoryStoreOptions().setClock(clock).setPostgresql(new PgHistoryStoreOptions()
      .setUri(server.uri(PostgresServer.PASSWORD)));
    PgHistoryStore store = PgHistoryStore.create(vertx, options);
    ThirtyDays.run(vertx, clock, store, checks, "PostgreSQL", true);
  }
}
