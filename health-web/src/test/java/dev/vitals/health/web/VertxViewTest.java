package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vertx view agrees with the status code: a failing non-critical check is a warning in the aggregates above it,
 * a failure when asked for by its own name.
 */
@ExtendWith(VertxExtension.class)
class VertxViewTest {

  private static CheckRegistry registry(Vertx vertx) {
    CheckRegistry registry = CheckRegistry.create(vertx);
    registry.register(new CheckOptions("db/primary"), () -> Future.succeededFuture(ProcedureResult.pass()));
    registry.register(new CheckOptions("db/cache").setCritical(false),
      () -> Future.succeededFuture(ProcedureResult.fail("cache down")));
    return registry;
  }

  private static void assertWarningAboveAFailureByName(HttpResponse<Buffer> all, HttpResponse<Buffer> one) {
    assertThat(all.statusCode()).as(all.bodyAsString()).isEqualTo(200);
    JsonObject body = all.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getString("outcome")).isEqualTo("UP");
    JsonObject db = body.getJsonArray("checks").getJsonObject(0);
    assertThat(db.getString("status")).isEqualTo("UP");
    JsonObject cache = db.getJsonArray("checks").stream().map(JsonObject.class::cast)
      .filter(c -> c.getString("id").equals("cache")).findFirst().orElseThrow();
    assertThat(cache.getString("status")).isEqualTo("DOWN");
    assertThat(cache.getJsonObject("data").getBoolean("critical")).isFalse();

    // Asked by its own name, the check answers by its own status: criticality weighs only in the aggregates.
    assertThat(one.statusCode()).as(one.bodyAsString()).isEqualTo(503);
    assertThat(one.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
    assertThat(one.bodyAsJsonObject().getString("outcome")).isEqualTo("DOWN");
    assertThat(one.bodyAsJsonObject().getJsonObject("data").getBoolean("critical")).isFalse();
  }

  @Test
  void throughVertxWebsHealthCheckHandler(Vertx vertx) {
    Router router = Router.router(vertx);
    router.get("/health*").handler(HealthCheckHandler.createWithHealthChecks(registry(vertx)));
    try (TestServer server = new TestServer(vertx, router)) {
      assertWarningAboveAFailureByName(server.get("/health"), server.get("/health/db/cache"));
    }
  }

  @Test
  void throughTheVertxFormat(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route("/health*").handler(HealthHandler.create(registry(vertx)));
    try (TestServer server = new TestServer(vertx, router)) {
      assertWarningAboveAFailureByName(server.get("/health?format=vertx"), server.get("/health/db/cache?format=vertx"));
    }
  }
}
