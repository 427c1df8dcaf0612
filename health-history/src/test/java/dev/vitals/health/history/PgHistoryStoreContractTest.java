package dev.vitals.health.history;

import dev.vitals.health.HistoryStore;
import dev.vitals.health.checks.test.PostgresServer;
import dev.vitals.health.test.HistoryStoreContract;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vitals.health.test.Await.result;

/** The PostgreSQL store keeps the SPI's contract: a database of its own per store, on a real PostgreSQL. */
class PgHistoryStoreContractTest extends HistoryStoreContract {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresServer server;
  private static Vertx admin;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
    admin = Vertx.vertx();
  }

  @AfterAll
  static void stopServer() throws Exception {
    result(admin.close());
    server.close();
  }

  @Override
  protected HistoryStore open(Vertx vertx) {
    String database = "contract_" + DATABASES.incrementAndGet();
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(server.uri(PostgresServer.PASSWORD)))
      .using(admin).build();
    try {
      result(pool.query("CREATE DATABASE " + database).execute());
    } finally {
      result(pool.close());
    }
    // the clock at the rows' time: the pruning at start keeps them
    PgHistoryStore store = PgHistoryStore.create(vertx, new HistoryStoreOptions()
      .setClock(Clock.fixed(T0, ZoneOffset.UTC)).setPostgresql(new PgHistoryStoreOptions()
        .setUri(server.uri(PostgresServer.PASSWORD)).setDatabase(database)));
    result(store.migrate());
    return store;
  }
}
