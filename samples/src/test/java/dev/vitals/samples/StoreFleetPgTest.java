package dev.vitals.samples;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.HistoryRollup;
import dev.vitals.health.HistoryStore;
import dev.vitals.health.HistoryTransition;
import dev.vitals.health.checks.test.PostgresServer;
import dev.vitals.health.history.HistoryStoreOptions;
import dev.vitals.health.history.PgHistoryStore;
import dev.vitals.health.history.PgHistoryStoreOptions;
import dev.vitals.health.test.MutableClock;
import dev.vitals.samples.impl.StoreFleet;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.vitals.health.test.Await.poll;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet as a PostgreSQL store shared by three instances knows it ({@link StoreFleet}): each instance wrote its own
 * rows through its own store, and the view read through any one of them names all three, the failing one with its
 * failing check, the one silent for an hour missing.
 */
@ExtendWith(VertxExtension.class)
class StoreFleetPgTest {

  private static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static HistoryRollup minute(String instance, Instant start, boolean up) {
    return new HistoryRollup(instance, "db", start, HistoryStore.MINUTE_MS, 2, up ? 2 : 0, 0, up ? 0 : 2,
      up ? 60_000 : 0, 0, 60_000, 0, 3, 9, 12);
  }

  @Test
  void everyInstanceThatWroteToTheSharedDatabaseIsInTheView(Vertx vertx) {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    Instant now = clock.instant();
    HistoryStoreOptions options = new HistoryStoreOptions().setType(HistoryStoreOptions.Type.POSTGRESQL)
      .setClock(clock).setPostgresql(new PgHistoryStoreOptions().setUri(server.uri(PostgresServer.PASSWORD)));
    PgHistoryStore one = PgHistoryStore.create(vertx, options);
    PgHistoryStore two = PgHistoryStore.create(vertx, options);
    PgHistoryStore three = PgHistoryStore.create(vertx, options);
    StoreFleet fleet = null;
    try {
      result(one.append(List.of(new HistoryTransition("api-1", "db", null, HealthStatus.PASS, now.minusSeconds(600), "ok"),
          new HistoryTransition("api-1", "db", HealthStatus.PASS, HealthStatus.FAIL, now.minusSeconds(120),
            "connection refused")),
        List.of(minute("api-1", now.minusSeconds(120), false))));
      result(two.append(List.of(new HistoryTransition("api-2", "db", null, HealthStatus.PASS, now.minusSeconds(600), "ok")),
        List.of(minute("api-2", now.minusSeconds(120), true))));
      result(three.append(List.of(new HistoryTransition("api-3", "db", null, HealthStatus.PASS, now.minusSeconds(7200), "ok")),
        List.of(minute("api-3", now.minus(Duration.ofHours(1)), true))));

      fleet = new StoreFleet(vertx, two, "api-2", clock);
      StoreFleet reading = fleet;
      JsonObject view = poll(reading::view, v -> !v.getBoolean("stale"), JsonObject::encode);
      assertThat(view.getInteger("total")).as(view.encode()).isEqualTo(3);
      assertThat(view.getJsonArray("nodes").stream().map(n -> ((JsonObject) n).getString("instance")
        + ":" + ((JsonObject) n).getString("outcome") + ":" + ((JsonObject) n).getString("state")))
        .containsExactly("api-1:fail:up", "api-2:pass:up", "api-3:pass:missing");
      JsonObject failing = view.getJsonArray("nodes").getJsonObject(0).getJsonArray("failing").getJsonObject(0);
      assertThat(failing.getString("name")).isEqualTo("db");
      assertThat(failing.getString("output")).isEqualTo("connection refused");
    } finally {
      if (fleet != null) {
        fleet.close();
      }
      result(one.close());
      result(two.close());
      result(three.close());
    }
  }
}
