package dev.vitals.samples;

import dev.vitals.health.StatusEvents;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/** Status changes of the standalone verticle on the event bus and at a configured webhook. */
@ExtendWith(VertxExtension.class)
class StandaloneNotificationsTest {

  @Test
  void aFailureReportReachesTheEventBusAndTheWebhook(Vertx vertx) throws Exception {
    List<JsonObject> hooked = new CopyOnWriteArrayList<>();
    Router hook = Router.router(vertx);
    hook.post("/chat").handler(BodyHandler.create()).handler(ctx -> {
      hooked.add(ctx.body().asJsonObject());
      ctx.response().setStatusCode(200).end();
    });
    HttpServer receiver = result(vertx.createHttpServer().requestHandler(hook).listen(0, "127.0.0.1"));
    List<JsonObject> bus = new CopyOnWriteArrayList<>();
    result(vertx.eventBus().<JsonObject>consumer(StatusEvents.ADDRESS, msg -> bus.add(msg.body())).completion());

    JsonObject config = new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("checks", new JsonArray().add(new JsonObject().put("name", "cron").put("type", "passive")))
      .put("notifications", new JsonObject().put("webhooks", new JsonArray().add(new JsonObject()
        .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/chat")
        .put("template", "{name}: {from} -> {to} ({output})"))));
    int port = result(deploy(vertx, config)).actualPort();
    WebClient client = WebClient.create(vertx);
    assertThat(result(client.post(port, "127.0.0.1", "/health/heartbeat/cron")
      .sendJsonObject(new JsonObject().put("status", "fail").put("output", "exit 3"))).statusCode()).isEqualTo(200);

    until(() -> hooked.size() >= 2 && bus.size() >= 2, () -> "webhook got " + hooked + ", the bus " + bus);
    assertThat(bus).extracting(j -> j.getString("kind") + ":" + j.getString("to"))
      .containsExactlyInAnyOrder("check:fail", "overall:fail");
    assertThat(hooked).extracting(j -> j.getString("text"))
      .contains("cron: none -> fail (exit 3)");
    result(receiver.close());
  }
}
