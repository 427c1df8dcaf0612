package dev.vitals.samples;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.Standalone.closedPortUnchecked;
import static dev.vitals.samples.Standalone.config;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/** The standalone verticle mounts /health/history, /health/events and /health/ui from its history section. */
@ExtendWith(VertxExtension.class)
class StandaloneHistoryTest {

  private static final String TOKEN = "admin-s3cret";

  @Test
  void historyEventsAndDashboardFollowTheConfig(Vertx vertx) {
    JsonObject config = config(new JsonObject().put("name", "db").put("type", "tcp").put("host", "127.0.0.1")
      .put("port", closedPortUnchecked()).put("slo", 99.9))
      .put("history", new JsonObject().put("maxStreams", 1).put("keepAlive", "10s"))
      .put("admin", new JsonObject().put("token", TOKEN))
      .put("health", new JsonObject().put("probes", new JsonObject()
        .put("health", new JsonObject().put("failureDetails", "authenticated"))));
    StandaloneVerticle verticle = result(deploy(vertx, config));
    int port = verticle.actualPort();
    WebClient client = WebClient.create(vertx);
    HttpClient raw = vertx.createHttpClient();
    try {
      assertThat(result(client.get(port, "127.0.0.1", "/health").send()).statusCode()).isEqualTo(503);
      JsonObject db = result(client.get(port, "127.0.0.1", "/health/history?detail=full").send()).bodyAsJsonObject()
        .getJsonObject("checks").getJsonObject("db");
      assertThat(db.getString("status")).isEqualTo("fail");
      assertThat(db.getDouble("slo")).isEqualTo(99.9);
      assertThat(db.getJsonObject("errorBudgetRemaining").getDouble("1h")).isEqualTo(-999.0, org.assertj.core.api.Assertions.offset(1e-6));
      assertThat(db.getJsonArray("transitions").getJsonObject(0).containsKey("output"))
        .as("failure details for the admin token only, as /health").isFalse();
      JsonObject withToken = result(client.get(port, "127.0.0.1", "/health/history/db")
        .putHeader("Authorization", "Bearer " + TOKEN).send()).bodyAsJsonObject();
      assertThat(withToken.getJsonArray("transitions").getJsonObject(0).getString("output")).contains("refused");

      HttpResponse<Buffer> page = result(client.get(port, "127.0.0.1", "/health/ui").send());
      assertThat(page.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
      assertThat(page.bodyAsString()).contains("<title>fail · Vitals</title>", "data-check=\"db\" data-status=\"fail\"");
      HttpResponse<Buffer> badge = result(client.get(port, "127.0.0.1", "/health/badges/db.svg").send());
      assertThat(badge.getHeader("Content-Type")).isEqualTo("image/svg+xml; charset=utf-8");
      assertThat(badge.bodyAsString()).contains("data-status=\"fail\"").doesNotContain("refused");
      assertThat(result(client.get(port, "127.0.0.1", "/health/badges/nope.svg").send()).statusCode()).isEqualTo(404);

      Promise<Void> ended = Promise.promise();
      HttpClientResponse stream = result(raw.request(HttpMethod.GET, port, "127.0.0.1", "/health/events")
        .compose(request -> request.send()).map(response -> response.handler(buffer -> { })
          .endHandler(v -> ended.tryComplete()).exceptionHandler(e -> ended.tryComplete())));
      assertThat(stream.getHeader("Content-Type")).startsWith("text/event-stream");
      assertThat(result(client.get(port, "127.0.0.1", "/health/events").send()).statusCode())
        .as("history.maxStreams is 1").isEqualTo(503);

      result(vertx.undeploy(vertx.deploymentIDs().iterator().next()));
      result(ended.future()); // the stream was ended rather than holding the drain for its grace timeout
    } finally {
      raw.close();
      client.close();
    }
  }
}
