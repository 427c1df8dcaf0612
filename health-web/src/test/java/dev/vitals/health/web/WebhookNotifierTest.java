package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.StatusChange;
import dev.vitals.health.StatusEvents;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.web.TestServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhook delivery against a local receiver that records, fails and is slow. */
@ExtendWith(VertxExtension.class)
class WebhookNotifierTest {

  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicReference<Promise<Void>> hold = new AtomicReference<>();
  private HttpServer receiver;
  private String url;

  @BeforeEach
  void setUp(Vertx vertx) {
    Router router = Router.router(vertx);
    router.post("/hook").handler(BodyHandler.create()).handler(ctx -> {
      if (failuresLeft.getAndDecrement() > 0) {
        ctx.response().setStatusCode(500).end();
        return;
      }
      Promise<Void> gate = hold.get();
      Future<Void> open = gate == null ? Future.succeededFuture() : gate.future();
      open.onComplete(v -> {
        received.add(ctx.body().asJsonObject());
        authorizations.add(String.valueOf(ctx.request().getHeader("Authorization")));
        ctx.response().setStatusCode(204).end();
      });
    });
    receiver = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    url = "http://127.0.0.1:" + receiver.actualPort() + "/hook";
  }

  @AfterEach
  void tearDown() {
    await(receiver.close());
  }

  private static StatusChange change(String name, String from, String to, String output) {
    return new StatusChange(StatusChange.Kind.CHECK, name, from, to, output, Instant.parse("2026-11-21T12:00:00Z"));
  }

  private void waitFor(int count) throws InterruptedException {
    for (int i = 0; i < 400 && received.size() < count; i++) {
      Thread.sleep(10);
    }
    assertThat(received).hasSize(count);
  }

  @Test
  void postsTheChangeAsJsonWithItsHeaders(Vertx vertx) throws Exception {
    WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions().setUrl(url)
      .addHeader("Authorization", "Bearer hook-token"));
    notifier.notify(change("db", "pass", "fail", "refused"));
    waitFor(1);
    assertThat(received.get(0)).isEqualTo(change("db", "pass", "fail", "refused").toJson());
    assertThat(authorizations).containsExactly("Bearer hook-token");
    await(notifier.close());
  }

  @Test
  void aTemplateMakesAChatMessage(Vertx vertx) throws Exception {
    WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions().setUrl(url)
      .setTemplate(":rotating_light: {name} went {from} → {to}: {output}"));
    notifier.notify(change("db", "pass", "fail", "refused \"x\""));
    waitFor(1);
    assertThat(received.get(0)).isEqualTo(new JsonObject().put("text", ":rotating_light: db went pass → fail: refused \"x\""));
    await(notifier.close());
  }

  @Test
  void failuresAreRetriedAndOrderIsKeptPerCheck(Vertx vertx) throws Exception {
    failuresLeft.set(2);
    WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions().setUrl(url).setRetryDelay(10)
      .setMinInterval(0));
    notifier.notify(change("db", "pass", "fail", "1"));
    notifier.notify(change("db", "fail", "pass", "2"));
    notifier.notify(change("db", "pass", "fail", "3"));
    waitFor(3);
    assertThat(received).extracting(j -> j.getString("output")).containsExactly("1", "2", "3");
    await(notifier.close());
  }

  @Test
  void aWebhookThatKeepsFailingIsGivenUpAndTheNextChangeStillGoes(Vertx vertx) throws Exception {
    failuresLeft.set(3);
    WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions().setUrl(url).setRetries(2)
      .setRetryDelay(5));
    notifier.notify(change("db", "pass", "fail", "lost"));
    notifier.notify(change("db", "fail", "pass", "recovered"));
    waitFor(1);
    assertThat(received.get(0).getString("output")).isEqualTo("recovered");
    await(notifier.close());
  }

  @Test
  void repeatedFailureNoticesAreThrottledRecoveriesAreNot(Vertx vertx) throws Exception {
    WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions().setUrl(url).setMinInterval(3_600_000));
    notifier.notify(change("db", "pass", "fail", "first"));
    notifier.notify(change("db", "fail", "pass", "back"));
    notifier.notify(change("db", "pass", "fail", "flap"));
    notifier.notify(change("cache", "pass", "fail", "other check"));
    waitFor(3);
    Thread.sleep(50);
    assertThat(received).extracting(j -> j.getString("output")).containsExactlyInAnyOrder("first", "back", "other check");
    await(notifier.close());
  }

  @Test
  void aSlowWebhookNeverDelaysTheHealthEndpoint(Vertx vertx) throws Exception {
    hold.set(Promise.promise());
    CheckRegistry registry = CheckRegistry.create(vertx);
    AtomicReference<ProcedureResult> next = new AtomicReference<>(ProcedureResult.fail("down"));
    registry.register(new CheckOptions("db").setSuccessTtl(0).setFailureTtl(0), () -> Future.succeededFuture(next.get()));
    WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions().setUrl(url).setTimeout(60_000));
    StatusEvents.listen(registry, null, notifier::notify);
    Router router = Router.router(vertx);
    router.route("/health*").handler(HealthHandler.create(registry));
    TestServer http = new TestServer(vertx, router);
    for (int i = 0; i < 5; i++) {
      next.set(i % 2 == 0 ? ProcedureResult.fail("down") : ProcedureResult.pass("up"));
      assertThat(http.get("/health").statusCode()).as("answered while the webhook hangs").isIn(200, 503);
    }
    assertThat(received).isEmpty();
    hold.get().complete();
    // Five check changes and five overall ones; the repeated failure notices of each are throttled.
    waitFor(6);
    assertThat(received.stream().filter(j -> j.getString("kind").equals("check")).map(j -> j.getString("to")))
      .containsExactly("fail", "pass", "pass");
    http.close();
    await(notifier.close());
    await(registry.close());
  }

  @Test
  void badOptionsNameTheField() {
    assertThatThrownBy(() -> new WebhookOptions(new JsonObject())).hasMessage("url: required field missing");
    assertThatThrownBy(() -> new WebhookOptions(new JsonObject().put("url", "ftp://x"))).hasMessageStartingWith("url:");
    assertThatThrownBy(() -> new WebhookOptions(new JsonObject().put("url", "http://x").put("retries", -1)))
      .hasMessageStartingWith("retries:");
    assertThatThrownBy(() -> new WebhookOptions(new JsonObject().put("url", "http://x").put("tmplate", "")))
      .hasMessageStartingWith("tmplate: unknown field");
    WebhookOptions withToken = new WebhookOptions(new JsonObject().put("url", "http://x").put("headers",
      new JsonObject().put("X-Token", "s3cret")));
    assertThat(withToken.toString()).doesNotContain("s3cret");
    assertThat(new WebhookOptions(withToken.toJson()).getHeaders()).containsEntry("X-Token", "s3cret");
  }
}
