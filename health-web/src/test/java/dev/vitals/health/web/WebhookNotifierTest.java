package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HistoryOptions;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.StatusChange;
import dev.vitals.health.StatusEvents;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.webhook.WebhookNotifier;
import dev.vitals.health.web.webhook.WebhookOptions;
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

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
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
    receiver = result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    url = "http://127.0.0.1:" + receiver.actualPort() + "/hook";
  }

  @AfterEach
  void tearDown() {
    result(receiver.close());
  }

  private static StatusChange change(String name, String from, String to, String output) {
    return new StatusChange(StatusChange.Kind.CHECK, name, from, to, output, Instant.parse("2026-11-21T12:00:00Z"));
  }

  private void waitFor(int count) {
    until(() -> received.size() >= count, () -> "webhook received " + received);
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
    result(notifier.close());
  }

  @Test
  void aTemplateMakesAChatMessage(Vertx vertx) throws Exception {
    WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions().setUrl(url)
      .setTemplate(":rotating_light: {name} went {from} → {to}: {output}"));
    notifier.notify(change("db", "pass", "fail", "refused \"x\""));
    waitFor(1);
    assertThat(received.get(0)).isEqualTo(new JsonObject().put("text", ":rotating_light: db went pass → fail: refused \"x\""));
    result(notifier.close());
  }

  @Test
  void failuresAreRetriedAndAReceiverThatIsBehindGetsTheLatestStateInOrder(Vertx vertx) throws Exception {
    failuresLeft.set(2);
    WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions().setUrl(url).setRetryDelay(10)
      .setMinInterval(0));
    notifier.notify(change("db", "pass", "fail", "1"));
    notifier.notify(change("db", "fail", "pass", "2"));
    notifier.notify(change("db", "pass", "warn", "3"));
    waitFor(2);
    assertThat(received).extracting(j -> j.getString("output")).containsExactly("1", "3");
    assertThat(received.get(1).getString("from")).as("from what the receiver heard last").isEqualTo("fail");
    assertThat(notifier.dropped()).isEqualTo(1);
    result(notifier.close());
  }

  @Test
  void aHungWebhookHoldsTwoChangesPerCheckAndMaxQueuedInAll(Vertx vertx) throws Exception {
    hold.set(Promise.promise());
    WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions().setUrl(url).setMinInterval(0)
      .setTimeout(60_000).setMaxQueued(10));
    String big = "x".repeat(60_000);
    for (int i = 0; i < 3_000; i++) {
      notifier.notify(change("flapper", i % 2 == 0 ? "pass" : "fail", i % 2 == 0 ? "fail" : "pass", big + i));
    }
    assertThat(notifier.queued()).as("the one being delivered and the latest waiting").isEqualTo(2);
    for (int i = 0; i < 50; i++) {
      notifier.notify(change("check-" + i, "pass", "fail", "down"));
    }
    assertThat(notifier.queued()).isEqualTo(10);
    assertThat(notifier.dropped()).isEqualTo(2_998 + 42);
    hold.get().complete();
    waitFor(10);
    assertThat(received).filteredOn(j -> j.getString("name").equals("flapper"))
      .allSatisfy(j -> assertThat(j.getString("output")).hasSize(StatusChange.MAX_OUTPUT_LENGTH).endsWith("…"));
    result(notifier.close());
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
    result(notifier.close());
  }

  @Test
  void repeatedFailureNoticesAreThrottledRecoveriesAreNot(Vertx vertx) throws Exception {
    hold.set(Promise.promise()); // "first" stays in flight until every change is in, however fast the receiver
    WebhookNotifier notifier = WebhookNotifier.create(vertx, new WebhookOptions().setUrl(url).setMinInterval(3_600_000));
    notifier.notify(change("db", "pass", "fail", "first"));
    notifier.notify(change("db", "fail", "pass", "back"));
    notifier.notify(change("db", "pass", "fail", "flap"));
    notifier.notify(change("cache", "pass", "fail", "other check"));
    // A recovery always goes; behind "first", it supersedes the recovery that waited ("back"): same change, later.
    notifier.notify(change("db", "fail", "pass", "back again"));
    hold.get().complete();
    waitFor(3);
    assertThat(received).extracting(j -> j.getString("output"))
      .containsExactlyInAnyOrder("first", "other check", "back again");
    assertThat(notifier.dropped()).isEqualTo(1);
    result(notifier.close());
  }

  @Test
  void aSlowWebhookNeverDelaysTheHealthEndpoint(Vertx vertx) throws Exception {
    hold.set(Promise.promise());
    // Flap detection off: five alternating runs would make it one flapping event, and this is about the POSTs.
    CheckRegistry registry = CheckRegistry.create(vertx,
      new CheckRegistryOptions().setHistory(new HistoryOptions().setEnabled(false)));
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
    // Five check changes and five overall ones; the repeated failure notices of each are throttled, and what
    // waited behind the hung POST is coalesced into the latest state.
    waitFor(4);
    assertThat(received.stream().filter(j -> j.getString("kind").equals("check")).map(j -> j.getString("to")))
      .containsExactly("fail", "pass");
    http.close();
    result(notifier.close());
    result(registry.close());
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
